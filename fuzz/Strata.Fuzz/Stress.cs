using System.Collections.Concurrent;
using System.Globalization;
using Strata.Llm;

namespace Strata.Fuzz;

/// <summary>
/// Cold-start concurrency: threads start resolving the moment the process starts, so that the lazily built schema
/// metadata (field tables, key lookups, subtype lists) is first touched by many threads at once; every result must equal
/// the one a single thread gets afterwards. Prints one line and exits 0 when all agree.
/// </summary>
internal static class Stress
{
    public static int Run(string[] args)
    {
        var threads = 8;
        var resolves = 50;
        var files = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--threads":
                    threads = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--resolves":
                    resolves = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    files.Add(args[i]);
                    break;
            }
        }

        var results = new ConcurrentDictionary<string, ConcurrentBag<string>>(StringComparer.Ordinal);
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < resolves; i++)
            {
                var file = files[(t + i) % files.Count];
                results.GetOrAdd(file, static _ => []).Add(Snapshot(file));
            }
        })).ToList();
        workers.ForEach(static w => w.Start());
        workers.ForEach(static w => w.Join());

        var differing = files.Where(f => results[f].Any(r => r != Snapshot(f))).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stress: {threads} threads x {resolves} resolves of {files.Count} files, {differing.Count} differing"));
        differing.ForEach(static f => Console.WriteLine("differs: " + f));
        return differing.Count == 0 ? 0 : 1;
    }

    private static string Snapshot(string file)
    {
        try
        {
            var resolved = new ConfigResolver<GPTTrainerConfig>(new ResolveOptions { Environment = new Dictionary<string, string?>() }).AddFile(file).Resolve();
            return resolved.Fingerprint + "\n" + resolved.ToYaml(Verbosity.All) + "\n"
                + string.Join("\n", resolved.Explain().Select(static p => p.Path + "=" + p.Value + " @ " + string.Join(" > ", p.History)));
        }
        catch (ConfigException e)
        {
            return "invalid\n" + e.Message;
        }
    }
}
