using System.Runtime.CompilerServices;
using Strata.Resolution;

namespace Strata.Provenance;

/// <summary>
/// Notes the values a hook reads, through the generated getters, while the hook runs (it is the graph's
/// <see cref="ResolutionGraph.Reads"/> only then), and hands them to the next value the hook sets: a value depends on
/// the reads made since the previous value the same hook set (DESIGN §5, docs/engine.md "Why a derived value is what it is").
/// </summary>
internal sealed class ReadRecorder
{
    /// <summary>The inputs kept for one value: a hook that reads more (a loop over a long list) is cut there.</summary>
    internal const int MaxReads = 64;

    private readonly List<FieldRead> _pending = [];

    /// <summary>The thread of the hook: a frozen graph is read by other threads while <c>explain</c> records a computed field.</summary>
    private int _thread;

    /// <summary>Starts recording for one hook (or one computed field) on this thread.</summary>
    public ReadRecorder Begin()
    {
        _pending.Clear();
        _thread = Environment.CurrentManagedThreadId;
        return this;
    }

    /// <summary>A generated getter read the field <paramref name="index"/> of <paramref name="config"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Note(ConfigObject config, int index)
    {
        // The generated getters of fields that hold configs (a list of datasets) note nothing: their fields are the inputs.
        if (_thread == Environment.CurrentManagedThreadId)
        {
            Add(new FieldRead(config, index));
        }
    }

    /// <summary>A hook read an environment variable through its context.</summary>
    public void NoteEnvironment(string name)
    {
        if (_thread == Environment.CurrentManagedThreadId)
        {
            Add(new FieldRead(name));
        }
    }

    /// <summary>
    /// The inputs of the value just assigned to the field <paramref name="index"/> of <paramref name="config"/>: the reads
    /// since the previous assignment, without the field itself (<c>x = Math.Max(x, 1)</c> keeps the inputs
    /// <paramref name="previous"/> the old value had instead); <see langword="null"/> when there are none (a constant).
    /// </summary>
    public FieldRead[]? Take(ConfigObject config, int index, FieldRead[]? previous)
    {
        var count = 0;
        var self = false;
        foreach (var read in _pending)
        {
            if (read.Is(config, index))
            {
                self = true;
            }
            else
            {
                count++;
            }
        }

        if (self && previous is not null)
        {
            foreach (var read in previous)
            {
                Add(read);
            }

            count = _pending.Count - 1;
        }

        FieldRead[]? result = null;
        if (count > 0)
        {
            result = new FieldRead[count];
            var at = 0;
            foreach (var read in _pending)
            {
                if (!read.Is(config, index))
                {
                    result[at++] = read;
                }
            }
        }

        _pending.Clear();
        return result;
    }

    /// <summary>The value was not assigned (a child config replaced, an explicit value kept): its reads are dropped with it.</summary>
    public void Drop() => _pending.Clear();

    private void Add(FieldRead read)
    {
        if (_pending.Count >= MaxReads)
        {
            return;
        }

        foreach (var pending in _pending)
        {
            if (pending.Is(read))
            {
                return;
            }
        }

        _pending.Add(read);
    }
}
