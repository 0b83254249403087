namespace Strata.Llm.Engine;

/// <summary>A command run after a checkpoint or an export is saved.</summary>
[Config]
public sealed partial class CallbackConfig
{
    /// <summary>The command and its arguments, as a list or as one command line; unset runs nothing.</summary>
    [Field(FieldHint.Feature), MinCount(1), ValueType(typeof(ShellCommandValueType))]
    public partial IList<string>? Script { get; set; }

    /// <summary>
    /// Environment variables added to the command's environment. Those whose name looks like a credential (its last
    /// word is KEY, or it ends in TOKEN, SECRET, PASSWORD, PASSWD, PASSPHRASE, APIKEY or CREDENTIALS: HF_TOKEN,
    /// WANDB_API_KEY, PGPASSWORD) are secrets: left out of saved configs and shown as *** in displays.
    /// </summary>
    [Field(FieldHint.Feature), ValueType(typeof(CallbackEnvironmentValueType))]
    public partial IDictionary<string, string> Environment { get; set; } = new Dictionary<string, string>();
}
