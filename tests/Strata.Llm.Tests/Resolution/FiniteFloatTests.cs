namespace Strata.Llm.Tests.Resolution;

/// <summary>DESIGN §7.12: a float of the GPT family is a finite number; <c>.nan</c> and <c>.inf</c> are refused with their place.</summary>
public sealed class FiniteFloatTests
{
    [Theory]
    [InlineData("optimizer.weight_decay=.inf", "optimizer.weight_decay", "must be a finite number, got .inf")]
    [InlineData("pretrained.timeout=.inf", "pretrained.timeout", "must be a finite number, got .inf")]
    [InlineData("training.export.callback.script=[a]", null, null)]
    [InlineData("data.datasets.training={type: legacy, split: [1, .inf]}", "data.datasets.training.split", "element [1] must be a finite number, got .inf")]
    [InlineData("model.base_model.transformer.mlp_lr_scale=.inf", "model.base_model.transformer.mlp_lr_scale", "must be a finite number, got .inf")]
    [InlineData("model.base_model.transformer.mlp_lr_scale=.nan", "model.base_model.transformer.mlp_lr_scale", "must be a finite number, got .nan")]
    [InlineData("model.base_model.transformer.mlp_lr_scale=[.inf]", "model.base_model.transformer.mlp_lr_scale", "entry 0 must be a finite number, got .inf")]
    public void A_float_that_is_not_finite_is_one_error_at_its_place(string assignment, string? path, string? message)
    {
        if (path is null)
        {
            // The control: the same kind of override, valid.
            Resolve.Trainer(string.Empty, assignment);
            return;
        }

        var error = Assert.Single(Resolve.TrainerErrors(string.Empty, assignment));

        Assert.Equal((path, message, "cli arg #1"), (error.Path, error.Message, error.Origin?.ToString()));
    }
}
