using Strata.Schema;
using Strata.Tree;

namespace Strata;

/// <summary>Writes configs as YAML or JSON at a verbosity (R3, R4), with secrets omitted unless asked for (R14).</summary>
public static class ConfigSerializer
{
    /// <summary>The config as an output tree.</summary>
    /// <param name="config">The config.</param>
    /// <param name="verbosity">How much to write.</param>
    /// <param name="secrets">What to do with secret fields.</param>
    public static ConfigMap ToTree(ConfigObject config, Verbosity verbosity = Verbosity.Explicit, SecretHandling secrets = SecretHandling.Omit)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Serialization.ConfigWriter.WriteObject(config, new ValueWriteContext { Verbosity = verbosity, Secrets = secrets }, forceType: false);
    }

    /// <summary>The config as YAML.</summary>
    /// <param name="config">The config.</param>
    /// <param name="verbosity">How much to write.</param>
    /// <param name="secrets">What to do with secret fields.</param>
    public static string ToYaml(ConfigObject config, Verbosity verbosity = Verbosity.Explicit, SecretHandling secrets = SecretHandling.Omit) =>
        Serialization.YamlEmitter.Emit(ToTree(config, verbosity, secrets));

    /// <summary>The config as a JSON object.</summary>
    /// <param name="config">The config.</param>
    /// <param name="verbosity">How much to write.</param>
    /// <param name="secrets">What to do with secret fields.</param>
    public static string ToJson(ConfigObject config, Verbosity verbosity = Verbosity.Explicit, SecretHandling secrets = SecretHandling.Omit) =>
        Serialization.JsonEmitter.Emit(ToTree(config, verbosity, secrets));
}
