using Strata.Llm.Models;
using Strata.Tree;

namespace Strata.Llm.Checkpoints.Formats.HuggingFace;

/// <summary>The state of one export to a <c>config.json</c>: the model's effective values, the keys written so far (sorted), and the problems.</summary>
internal sealed class HuggingFaceExportContext
{
    private readonly SortedDictionary<string, ConfigNode> _entries = new(StringComparer.Ordinal);
    private readonly ICollection<Diagnostic> _diagnostics;

    /// <summary>The configs read so far as the public writer shows them (every field, secrets redacted), each written once.</summary>
    private readonly Dictionary<ConfigObject, ConfigMap> _shown = new(ReferenceEqualityComparer.Instance);

    public HuggingFaceExportContext(GPTBaseModelConfig model, HuggingFaceFormat format, string? transformersVersion, ICollection<Diagnostic> diagnostics)
    {
        Model = model;
        Format = format;
        TransformersVersion = transformersVersion;
        _diagnostics = diagnostics;
    }

    /// <summary>The transformers version whose form is written (<c>rope_parameters</c> from 5.x), or <see langword="null"/> for the 4.x form.</summary>
    public string? TransformersVersion { get; }

    /// <summary>The exported base model (resolved, so that derived values are known).</summary>
    public GPTBaseModelConfig Model { get; }

    /// <summary>The format written.</summary>
    public HuggingFaceFormat Format { get; }

    /// <summary>Whether a value could not be written.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>The effective value of the field at a dotted path of the base model, with its origin and whether it is an architecture field.</summary>
    public ExportedField Get(string path)
    {
        ConfigObject config = Model;
        var steps = path.Split('.');
        for (var i = 0; ; i++)
        {
            var field = config.ConfigType.FindByKey(steps[i])
                ?? throw new InvalidOperationException("The base model has no field '" + path + "'.");
            var value = field.GetValue(config);
            if (i == steps.Length - 1)
            {
                if (!_shown.TryGetValue(config, out var shown))
                {
                    _shown[config] = shown = ConfigSerializer.ToTree(config, Verbosity.All, SecretHandling.Redact);
                }

                var text = shown.TryGetValue(field.Key, out var node) && node is ConfigScalar scalar ? scalar.Value ?? "null" : "a structured value";
                return new ExportedField(path, value, text, config.GetOrigin(field.PropertyName), field.IsArchitecture);
            }

            config = value as ConfigObject ?? throw new InvalidOperationException("'" + path + "' does not name a field of a nested config.");
        }
    }

    /// <summary>Writes a key.</summary>
    public void Write(string key, ConfigNode value) => _entries[key] = value;

    /// <summary>Writes a key from a C# value (numbers, booleans, strings, null).</summary>
    public void Write(string key, object? value) => _entries[key] = HuggingFaceJson.Node(value);

    /// <summary>
    /// Reports a value that the format cannot express: an error for an architecture field (the exported model would not
    /// be the same model), a warning otherwise (the value is left out).
    /// </summary>
    public void Unsupported(ExportedField field, string message)
    {
        var severity = field.IsArchitecture ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
        HasErrors |= field.IsArchitecture;
        var prefix = Model.ConfigPath.Length == 0 ? string.Empty : Model.ConfigPath + ".";
        _diagnostics.Add(new Diagnostic(severity, DiagnosticCodes.ConfigRule, prefix + field.Path, field.Origin, "cannot be exported to the " + Format.Name + " format: " + message + ", got " + MessageText.Bounded(field.Text)));
    }

    /// <summary>The written keys, sorted as <c>json.dumps(sort_keys=True)</c> sorts them.</summary>
    public ConfigMap Build() => HuggingFaceJson.Object(_entries);
}
