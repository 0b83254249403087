using System.Security.Cryptography;
using System.Text;
using Strata.Provenance;
using Strata.Resolution;
using Strata.Serialization;

namespace Strata.Reporting;

/// <summary>
/// The HTML form of <c>explain</c> and <c>diff</c>: one self-contained page (no network, no external script, style or
/// font), made of an embedded template, its style and script, and the data as JSON. The data holds the values exactly as
/// <see cref="ValueProvenance.Value"/> shows them, so a secret is redacted here as in every other output.
/// </summary>
internal static class HtmlReport
{
    private static readonly Lazy<Template> s_template = new(Template.Load);

    /// <summary>The page of one resolved config: its layers, fingerprint, and every leaf with its origin and history.</summary>
    /// <param name="resolved">The resolved config.</param>
    /// <param name="entries">Its provenance (<see cref="Resolved.Explain()"/>), which the caller may already hold.</param>
    /// <param name="title">What the page is of (a kind's name, or the config class's).</param>
    /// <param name="overrides">The overrides as given, so that an override's origin names the key it set; may be empty.</param>
    public static string Explain(Resolved resolved, IReadOnlyList<ValueProvenance> entries, string title, IReadOnlyList<string> overrides) =>
        Page("explain", title, [(resolved, entries, overrides)], differences: null);

    /// <summary>
    /// The page of two resolved configs side by side: every leaf of either, marked where its effective values differ
    /// (the differences <see cref="ConfigComparer"/> finds, as <c>diff</c> prints them).
    /// </summary>
    public static string Diff(Resolved left, Resolved right, string title, IReadOnlyList<ConfigDifference> differences, IReadOnlyList<string> leftOverrides, IReadOnlyList<string> rightOverrides) =>
        Page("diff", title, [(left, left.Explain(), leftOverrides), (right, right.Explain(), rightOverrides)], differences);

    private static string Page(string mode, string title, (Resolved Resolved, IReadOnlyList<ValueProvenance> Entries, IReadOnlyList<string> Overrides)[] sides, IReadOnlyList<ConfigDifference>? differences)
    {
        var json = new JsonEmitter(indented: false);
        json.StartMap();
        json.Member("mode", mode);
        json.Member("title", title);
        json.Key("sides");
        json.StartList();
        foreach (var (resolved, entries, overrides) in sides)
        {
            WriteSide(json, resolved, entries, overrides);
        }

        json.EndList();
        if (differences is not null)
        {
            json.Key("differences");
            json.StartList();
            foreach (var difference in differences)
            {
                json.String(difference.Path);
            }

            json.EndList();
        }

        json.EndMap();
        return s_template.Value.Fill("Strata " + mode + ": " + title, json.ToString());
    }

    private static void WriteSide(JsonEmitter json, Resolved resolved, IReadOnlyList<ValueProvenance> entries, IReadOnlyList<string> overrides)
    {
        // A file a layer included is shown as an include: its values' origins name only the file.
        var included = new HashSet<string>(StringComparer.Ordinal);
        json.StartMap();
        json.Member("fingerprint", resolved.Fingerprint);
        json.Key("layers");
        json.StartList();
        foreach (var layer in resolved.Layers)
        {
            var kind = layer.Kind == OriginKind.File && layer.Depth > 0 ? "include" : Origin.NameOf(layer.Kind);
            if (kind == "include" && layer.Source is { } source)
            {
                included.Add(source);
            }

            json.StartMap();
            json.Member("kind", kind);
            json.Member("name", layer.Name);
            json.Member("depth", layer.Depth);
            json.EndMap();
        }

        json.EndList();
        json.Key("leaves");
        json.StartList();
        foreach (var entry in entries)
        {
            json.StartMap();
            json.Member("path", entry.Path);
            json.Key("steps");
            json.StartList();
            foreach (var step in Steps(entry.Path))
            {
                json.String(step);
            }

            json.EndList();
            json.Member("value", entry.Value);
            json.Member("kind", KindOf(entry.Origin, included));
            json.Member("origin", Hosting.Explain.ExplainWriter.Describe(entry.Origin, overrides));
            json.Member("explicit", entry.IsExplicit);
            json.Key("history");
            json.StartList();
            foreach (var origin in Hosting.Explain.ExplainWriter.History(entry))
            {
                json.StartMap();
                json.Member("kind", KindOf(origin, included));
                json.Member("text", Hosting.Explain.ExplainWriter.Describe(origin, overrides));
                json.EndMap();
            }

            json.EndList();
            WritePaths(json, "dependsOn", entry.Origin.Kind == OriginKind.Derived ? entry.DependsOn : []);
            WritePaths(json, "references", entry.References);
            json.EndMap();
        }

        json.EndList();
        json.EndMap();
    }

    /// <summary>The fields a derived value was computed from, or those an interpolation took: left out when there are none.</summary>
    private static void WritePaths(JsonEmitter json, string key, IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            return;
        }

        json.Key(key);
        json.StartList();
        foreach (var path in paths)
        {
            json.String(path);
        }

        json.EndList();
    }

    private static string KindOf(Origin origin, HashSet<string> included) =>
        origin.Kind == OriginKind.File && origin.Source is { } source && included.Contains(source) ? "include" : origin.KindName;

    /// <summary>
    /// The steps of a dotted path as the tree shows them: <c>model.layers[2].bias</c> is <c>model</c>, <c>layers</c>,
    /// <c>[2]</c>, <c>bias</c>.
    /// </summary>
    internal static List<string> Steps(string path)
    {
        var steps = new List<string>();
        var start = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            if (i == path.Length || path[i] == '.' || (path[i] == '[' && i > start))
            {
                if (i > start)
                {
                    steps.Add(path[start..i]);
                }

                start = path.Length > i && path[i] == '.' ? i + 1 : i;
            }
        }

        return steps;
    }

    /// <summary>
    /// The page's parts, read once from the assembly. The script is allowed by its hash in the page's content security
    /// policy, which allows nothing else to load or run: no request leaves the page, and no text in the data can become
    /// markup that runs.
    /// </summary>
    private sealed class Template
    {
        private readonly string _before;
        private readonly string _between;
        private readonly string _after;

        private Template(string page, string style, string script)
        {
            var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)));
            var policy = "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-" + hash + "'; img-src data:; base-uri 'none'; form-action 'none'";
            page = page.Replace("{{POLICY}}", policy, StringComparison.Ordinal)
                .Replace("{{STYLE}}", style, StringComparison.Ordinal)
                .Replace("{{SCRIPT}}", script, StringComparison.Ordinal);
            var title = page.IndexOf("{{TITLE}}", StringComparison.Ordinal);
            var data = page.IndexOf("{{DATA}}", StringComparison.Ordinal);
            _before = page[..title];
            _between = page[(title + "{{TITLE}}".Length)..data];
            _after = page[(data + "{{DATA}}".Length)..];
        }

        public static Template Load() => new(Read("Report.html"), Read("Report.css"), Read("Report.js"));

        public string Fill(string title, string data)
        {
            var sb = new StringBuilder(_before.Length + _between.Length + _after.Length + title.Length + data.Length + 64);
            sb.Append(_before);
            Append(sb, title, json: false);
            sb.Append(_between);
            Append(sb, data, json: true);
            sb.Append(_after);
            return sb.ToString();
        }

        private static string Read(string name)
        {
            using var stream = typeof(HtmlReport).Assembly.GetManifestResourceStream("Strata.Reporting." + name)
                ?? throw new InvalidOperationException("the report template " + name + " is missing from the assembly");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }

        /// <summary>
        /// Text in an element, with the characters that make markup as references; or JSON in a <c>&lt;script
        /// type="application/json"&gt;</c> element, where <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> can only be inside
        /// strings and <c>\u003c</c> means the same, so that no value can close the element.
        /// </summary>
        private static void Append(StringBuilder sb, string text, bool json)
        {
            foreach (var c in text)
            {
                var escaped = c switch
                {
                    '<' => json ? "\\u003c" : "&lt;",
                    '>' => json ? "\\u003e" : "&gt;",
                    '&' => json ? "\\u0026" : "&amp;",
                    '"' when !json => "&quot;",
                    _ => null,
                };
                _ = escaped is null ? sb.Append(c) : sb.Append(escaped);
            }
        }
    }
}
