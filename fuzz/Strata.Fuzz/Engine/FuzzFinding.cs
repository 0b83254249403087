namespace Strata.Fuzz.Engine;

/// <summary>An invariant that a fuzz execution broke: the input is a crash to keep as a regression test.</summary>
internal sealed class FuzzFinding : Exception
{
    public FuzzFinding(string message)
        : base(message)
    {
    }

    public FuzzFinding(string message, Exception inner)
        : base(message, inner)
    {
    }

    public FuzzFinding()
    {
    }
}
