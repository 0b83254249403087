using Strata.Schema;
using Strata.Serialization;
using Strata.Tree;

namespace Strata;

/// <summary>Writes configs as YAML or JSON at a verbosity (R3, R4), with secrets omitted unless asked for (R14).</summary>
public static class ConfigSerializer
{
    /// <summary>The context of the default output (explicit values, secrets omitted); contexts are immutable.</summary>
    private static readonly ValueWriteContext s_explicitContext = new() { Verbosity = Verbosity.Explicit, Secrets = SecretHandling.Omit };

    /// <summary>The config as an output tree.</summary>
    /// <param name="config">The config.</param>
    /// <param name="verbosity">How much to write.</param>
    /// <param name="secrets">What to do with secret fields.</param>
    public static ConfigMap ToTree(ConfigObject config, Verbosity verbosity = Verbosity.Explicit, SecretHandling secrets = SecretHandling.Omit)
    {
        ArgumentNullException.ThrowIfNull(config);
        return ConfigWriter.ToTree(config, Context(verbosity, secrets));
    }

    /// <summary>The config as YAML.</summary>
    /// <param name="config">The config.</param>
    /// <param name="verbosity">How much to write.</param>
    /// <param name="secrets">What to do with secret fields.</param>
    public static string ToYaml(ConfigObject config, Verbosity verbosity = Verbosity.Explicit, SecretHandling secrets = SecretHandling.Omit)
    {
        ArgumentNullException.ThrowIfNull(config);
        return YamlEmitter.Write((config, Context(verbosity, secrets)), static (s, sink) => new ConfigWriter(sink, s.Item2).WriteObject(s.config, forceType: false));
    }

    /// <summary>The config as a JSON object.</summary>
    /// <param name="config">The config.</param>
    /// <param name="verbosity">How much to write.</param>
    /// <param name="secrets">What to do with secret fields.</param>
    public static string ToJson(ConfigObject config, Verbosity verbosity = Verbosity.Explicit, SecretHandling secrets = SecretHandling.Omit)
    {
        ArgumentNullException.ThrowIfNull(config);
        var sink = new JsonEmitter(indented: true);
        new ConfigWriter(sink, Context(verbosity, secrets)).WriteObject(config, forceType: false);
        return sink.ToString();
    }

    /// <summary>
    /// A tree as YAML, as <see cref="ToYaml(ConfigObject, Verbosity, SecretHandling)"/> writes configs: the way a
    /// program writes a document it built itself (a checkpoint's metadata), with the same quoting of strings.
    /// </summary>
    /// <param name="tree">The tree.</param>
    /// <returns>The YAML text, ending with a newline.</returns>
    public static string ToYaml(ConfigNode tree) => YamlEmitter.Emit(tree);

    /// <summary>
    /// A tree as indented JSON, as <see cref="ToJson(ConfigObject, Verbosity, SecretHandling)"/> writes configs: plain
    /// scalars that read as numbers or booleans are written as such, every other scalar as a string.
    /// </summary>
    /// <param name="tree">The tree.</param>
    /// <returns>The JSON text, ending with a newline.</returns>
    public static string ToJson(ConfigNode tree) => JsonEmitter.Emit(tree);

    private static ValueWriteContext Context(Verbosity verbosity, SecretHandling secrets) =>
        verbosity == Verbosity.Explicit && secrets == SecretHandling.Omit ? s_explicitContext : new ValueWriteContext { Verbosity = verbosity, Secrets = secrets };
}
