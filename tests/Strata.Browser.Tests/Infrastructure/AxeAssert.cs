using Deque.AxeCore.Commons;

namespace Strata.Browser.Tests.Infrastructure;

internal static class AxeAssert
{
    /// <summary>No violation of impact "serious" or "critical"; the message names each rule and the first elements.</summary>
    public static void NoSeriousViolations(AxeResult result)
    {
        var serious = new List<string>();
        foreach (var violation in result.Violations)
        {
            if (violation.Impact is "serious" or "critical")
            {
                var targets = new List<string>();
                foreach (var node in violation.Nodes)
                {
                    if (targets.Count < 3)
                    {
                        targets.Add(node.Target?.ToString() ?? "?");
                    }
                }

                serious.Add(violation.Id + " (" + violation.Impact + "): " + violation.Help + " at " + string.Join(", ", targets));
            }
        }

        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }
}
