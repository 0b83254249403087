using Strata.Llm.Engine;

namespace Strata.Llm.Tests.Resolution;

public sealed class TrainingTests
{
    [Fact]
    public void An_explicit_offset_is_kept_and_warned_about_when_not_smaller_than_the_interval()
    {
        var r = Resolve.Trainer("training:\n  logs:\n    interval: 10\n    offset: 25\n");
        Assert.Equal(25, r.Config.Training.Logs.Offset);
        Assert.Contains(r.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Path == "training.logs.offset");
        Assert.Contains("offset: 25", r.ToYaml());
    }

    [Fact]
    public void Shutdowns_must_coincide_with_checkpoints()
    {
        const string yaml = "run:\n  experiment_dir: out\ntraining:\n  checkpoint:\n    interval: 10\n  shutdown:\n    interval: 15\n";
        Assert.Contains(Resolve.TrainerErrors(yaml), e => e.Path == "training.shutdown");
        Resolve.Trainer("run:\n  experiment_dir: out\ntraining:\n  checkpoint:\n    interval: 10\n    offset: 5\n  shutdown:\n    interval: 20\n    offset: 15\n");
    }

    [Fact]
    public void Wandb_alerts_must_coincide_with_metric_logs()
    {
        Assert.Contains(Resolve.TrainerErrors("training:\n  wandb:\n    alert:\n      interval: 150\n"), e => e.Path == "training.wandb");
        var alert = Resolve.Trainer("training:\n  wandb:\n    alert:\n      interval: 200\n").Config.Training.Wandb.Alert;
        Assert.True(alert.PostAlerts);
    }

    [Fact]
    public void The_legacy_validation_key_becomes_an_evaluation()
    {
        var r = Resolve.Trainer("training:\n  validation:\n    interval: 100\n    iterations: 5\n");
        Assert.Equal(5, r.Config.Training.Evaluations["validation"].Iterations);
    }

    [Fact]
    public void Exports_take_the_optimizer_state_only_when_the_format_can_hold_it()
    {
        Assert.True(Resolve.Trainer("training:\n  export:\n    format: distributed\n").Config.Training.Export.OptimizerState);
        Assert.False(Resolve.Trainer("training:\n  export:\n    format: llama\n").Config.Training.Export.OptimizerState);
        Assert.Contains(Resolve.TrainerErrors("training:\n  export:\n    format: llama\n    optimizer_state: true\n"), e => e.Path == "training.export.optimizer_state");
        Assert.Contains(Resolve.TrainerErrors("training:\n  export:\n    format: gguf\n"), e => e.Path == "training.export.format");
    }

    [Fact]
    public void Callback_scripts_are_lists_or_shell_command_lines()
    {
        var r = Resolve.Trainer("training:\n  checkpoint:\n    callback:\n      script: \"echo 'a b' \\\"c\\\\\\\"d\\\" e\\\\ f\"\n");
        Assert.Equal(["echo", "a b", "c\"d", "e f"], r.Config.Training.Checkpoint.Callback.Script);
        Assert.Contains("- a b", r.ToYaml());
        Assert.Equal(["a", "b"], Resolve.Trainer("training:\n  export:\n    callback:\n      script: [a, b]\n").Config.Training.Export.Callback.Script);
    }

    [Theory]
    [InlineData("a 'b", "no closing quotation")]
    [InlineData("a \"b", "no closing quotation")]
    [InlineData("a\\", "no escaped character")]
    public void Unbalanced_command_lines_are_rejected(string text, string problem)
    {
        Assert.False(ShellCommandValueType.TrySplit(text, out _, out var reported));
        Assert.Equal(problem, reported);
    }

    [Fact]
    public void Profiled_ranks_are_a_set_that_keeps_a_repeated_rank_once_with_a_warning_as_Fast_LLM_does()
    {
        Assert.Equal([0, 3], Resolve.Trainer("profiling:\n  ranks: [3, 0]\n").Config.Profiling.Ranks.Order());

        var repeated = Resolve.Trainer("profiling:\n  ranks: [4, 5, 4]\n");
        Assert.Equal([4, 5], repeated.Config.Profiling.Ranks.Order());
        var warning = Assert.Single(repeated.Diagnostics, d => d.Code == DiagnosticCodes.DuplicateEntry);
        Assert.Equal((DiagnosticSeverity.Warning, "profiling.ranks[2]"), (warning.Severity, warning.Path));
    }

    [Fact]
    public void Estimating_the_critical_batch_is_no_longer_supported()
    {
        Assert.Contains(Resolve.TrainerErrors("schedule:\n  estimate_critical_batch: true\n"), e => e.Path == "schedule.estimate_critical_batch");
    }
}
