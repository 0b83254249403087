using System.CommandLine;
using System.Text;
using Strata.Hosting.CommandLine;
using Strata.Serialization;

namespace Strata.Hosting.Verbs;

/// <summary>
/// <c>presets &lt;kind&gt;</c>: lists the presets that a config of the kind can use (<c>include: [preset:NAME]</c>,
/// <c>PLACE=@preset:NAME</c>), each with the place it goes to.
/// </summary>
internal static class PresetsVerb
{
    public static Command Create(HostContext context)
    {
        var kind = HostSymbols.Kind(context);
        var format = HostSymbols.Format("The listing format.", "text", "json");
        var command = new Command("presets", "List the presets a kind can include: name, place, description.") { kind, format };
        HostCommandLine.SetAction(command, context, parse =>
        {
            var root = context.FindKind(parse.GetValue(kind) ?? string.Empty).TypeInfo;
            var rows = new List<(ConfigPreset Preset, string Place)>();
            foreach (var preset in ConfigPresets.All)
            {
                if (ConfigPresets.PlaceIn(root, preset) is { } path)
                {
                    rows.Add((preset, string.Join('.', path)));
                }
            }

            context.Console.Output.Write(parse.GetValue(format) == "json" ? Json(rows) : Text(rows));
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Text(List<(ConfigPreset Preset, string Place)> rows)
    {
        if (rows.Count == 0)
        {
            return "no presets\n";
        }

        var (name, place) = (4, 5);
        foreach (var (preset, at) in rows)
        {
            (name, place) = (Math.Max(name, preset.Name.Length), Math.Max(place, Shown(at).Length));
        }

        var sb = new StringBuilder();
        sb.Append("NAME".PadRight(name)).Append("  ").Append("PLACE".PadRight(place)).Append("  DESCRIPTION\n");
        foreach (var (preset, at) in rows)
        {
            sb.Append(preset.Name.PadRight(name)).Append("  ").Append(Shown(at).PadRight(place)).Append("  ").Append(preset.Description).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The place as the table shows it: the dotted path, or <c>(root)</c> for a preset of the kind's own class.</summary>
    private static string Shown(string place) => place.Length == 0 ? "(root)" : place;

    private static string Json(List<(ConfigPreset Preset, string Place)> rows)
    {
        var json = new JsonEmitter(indented: true);
        json.StartList();
        foreach (var (preset, place) in rows)
        {
            json.StartMap();
            json.Member("name", preset.Name);
            json.Member("place", place);
            json.Member("description", preset.Description);
            json.EndMap();
        }

        json.EndList();
        return json.ToString();
    }
}
