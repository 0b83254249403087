using System.Globalization;
using System.Numerics;

namespace Strata.Schema;

/// <summary>Factories of the built-in field rules (used by generated code for the rule attributes).</summary>
public static class FieldRules
{
    /// <summary><c>value &gt;= bound</c>.</summary>
    /// <typeparam name="T">A number type.</typeparam>
    /// <param name="bound">The bound.</param>
    public static FieldRule<T> Min<T>(T bound)
        where T : INumber<T> => new CompareRule<T>(bound, CompareKind.Min);

    /// <summary><c>value &lt;= bound</c>.</summary>
    /// <typeparam name="T">A number type.</typeparam>
    /// <param name="bound">The bound.</param>
    public static FieldRule<T> Max<T>(T bound)
        where T : INumber<T> => new CompareRule<T>(bound, CompareKind.Max);

    /// <summary><c>value &gt; bound</c>.</summary>
    /// <typeparam name="T">A number type.</typeparam>
    /// <param name="bound">The bound.</param>
    public static FieldRule<T> GreaterThan<T>(T bound)
        where T : INumber<T> => new CompareRule<T>(bound, CompareKind.GreaterThan);

    /// <summary><c>value &lt; bound</c>.</summary>
    /// <typeparam name="T">A number type.</typeparam>
    /// <param name="bound">The bound.</param>
    public static FieldRule<T> LessThan<T>(T bound)
        where T : INumber<T> => new CompareRule<T>(bound, CompareKind.LessThan);

    /// <summary><c>minimum &lt;= value &lt;= maximum</c>.</summary>
    /// <typeparam name="T">A number type.</typeparam>
    /// <param name="minimum">The smallest allowed value.</param>
    /// <param name="maximum">The largest allowed value.</param>
    public static FieldRule<T> Range<T>(T minimum, T maximum)
        where T : INumber<T> => new RangeRule<T>(minimum, maximum);

    /// <summary><c>value % divisor == 0</c>.</summary>
    /// <typeparam name="T">An integer type.</typeparam>
    /// <param name="divisor">The divisor.</param>
    public static FieldRule<T> MultipleOf<T>(T divisor)
        where T : IBinaryInteger<T> => new MultipleRule<T>(divisor);

    /// <summary>The number is finite: neither NaN nor an infinity.</summary>
    /// <typeparam name="T">A floating-point type.</typeparam>
    public static FieldRule<T> Finite<T>()
        where T : INumberBase<T> => new FiniteRule<T>();

    /// <summary>The string is one of <paramref name="choices"/>.</summary>
    /// <param name="choices">The allowed values.</param>
    public static FieldRule<string> OneOf(params string[] choices) => new OneOfRule(choices);

    /// <summary>Applies a rule to a nullable value when it is not null.</summary>
    /// <typeparam name="T">The underlying value type.</typeparam>
    /// <param name="rule">The rule.</param>
    public static FieldRule<T?> WhenNotNull<T>(FieldRule<T> rule)
        where T : struct => new NullableRule<T>(rule);

    /// <summary>Applies a rule to a reference value when it is not null.</summary>
    /// <typeparam name="T">The reference type.</typeparam>
    /// <param name="rule">The rule.</param>
    public static FieldRule<T?> WhenNotNullReference<T>(FieldRule<T> rule)
        where T : class => new NullableReferenceRule<T>(rule);

    /// <summary>Applies a rule to each element of a collection.</summary>
    /// <typeparam name="TCollection">The collection type.</typeparam>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="rule">The rule.</param>
    public static FieldRule<TCollection> Each<TCollection, T>(FieldRule<T> rule)
        where TCollection : IEnumerable<T>? => new EachRule<TCollection, T>(rule);

    /// <summary>The collection has at least <paramref name="count"/> elements (null passes).</summary>
    /// <typeparam name="TCollection">The collection type.</typeparam>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="count">The smallest count.</param>
    public static FieldRule<TCollection> MinCount<TCollection, T>(int count)
        where TCollection : IEnumerable<T>? => new CountRule<TCollection, T>(count, isMinimum: true);

    /// <summary>The collection has at most <paramref name="count"/> elements (null passes).</summary>
    /// <typeparam name="TCollection">The collection type.</typeparam>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="count">The largest count.</param>
    public static FieldRule<TCollection> MaxCount<TCollection, T>(int count)
        where TCollection : IEnumerable<T>? => new CountRule<TCollection, T>(count, isMinimum: false);

    /// <summary>A value as a rule's message shows it: numbers as they are written, anything else bounded (<see cref="MessageText"/>).</summary>
    internal static string Format<T>(T value) => value switch
    {
        double d => ScalarText.FormatDouble(d),
        float f => ScalarText.FormatDouble(f),
        IFormattable f => MessageText.Bounded(f.ToString(null, CultureInfo.InvariantCulture)),
        null => "null",
        _ => MessageText.Bounded(value.ToString() ?? string.Empty),
    };

    private enum CompareKind
    {
        Min,
        Max,
        GreaterThan,
        LessThan,
    }

    private sealed class CompareRule<T>(T bound, CompareKind kind) : FieldRule<T>
        where T : INumber<T>
    {
        private readonly string _op = kind switch
        {
            CompareKind.Min => ">=",
            CompareKind.Max => "<=",
            CompareKind.GreaterThan => ">",
            _ => "<",
        };

        public override string Description => _op + " " + Format(bound);

        public override double? Minimum => kind == CompareKind.Min ? double.CreateTruncating(bound) : null;

        public override double? ExclusiveMinimum => kind == CompareKind.GreaterThan ? double.CreateTruncating(bound) : null;

        public override double? Maximum => kind == CompareKind.Max ? double.CreateTruncating(bound) : null;

        public override double? ExclusiveMaximum => kind == CompareKind.LessThan ? double.CreateTruncating(bound) : null;

        public override string? Check(T value)
        {
            var ok = kind switch
            {
                CompareKind.Min => value >= bound,
                CompareKind.Max => value <= bound,
                CompareKind.GreaterThan => value > bound,
                _ => value < bound,
            };
            return ok ? null : "must be " + Description + ", got " + Format(value);
        }
    }

    private sealed class RangeRule<T>(T minimum, T maximum) : FieldRule<T>
        where T : INumber<T>
    {
        public override string Description => "in " + Format(minimum) + ".." + Format(maximum);

        public override double? Minimum => double.CreateTruncating(minimum);

        public override double? Maximum => double.CreateTruncating(maximum);

        public override string? Check(T value) =>
            value >= minimum && value <= maximum ? null : "must be " + Description + ", got " + Format(value);
    }

    private sealed class MultipleRule<T>(T divisor) : FieldRule<T>
        where T : IBinaryInteger<T>
    {
        public override string Description => "a multiple of " + Format(divisor);

        public override long? MultipleOf => long.CreateTruncating(divisor);

        public override string? Check(T value) =>
            T.IsZero(divisor) || T.IsZero(value % divisor) ? null : "must be " + Description + ", got " + Format(value);
    }

    private sealed class FiniteRule<T> : FieldRule<T>
        where T : INumberBase<T>
    {
        public override string Description => "finite";

        public override string? Check(T value) => T.IsFinite(value) ? null : "must be a finite number, got " + Format(value);
    }

    private sealed class OneOfRule(string[] choices) : FieldRule<string>
    {
        public override string Description => "one of " + string.Join(", ", choices);

        public override IReadOnlyList<string> Choices => choices;

        public override string? Check(string value) =>
            value is null || Array.IndexOf(choices, value) >= 0 ? null : "must be " + Description + ", got " + MessageText.Quoted(value);
    }

    private sealed class NullableRule<T>(FieldRule<T> inner) : FieldRule<T?>
        where T : struct
    {
        public override string Description => inner.Description;

        public override double? Minimum => inner.Minimum;

        public override double? ExclusiveMinimum => inner.ExclusiveMinimum;

        public override double? Maximum => inner.Maximum;

        public override double? ExclusiveMaximum => inner.ExclusiveMaximum;

        public override long? MultipleOf => inner.MultipleOf;

        public override string? Check(T? value) => value is { } v ? inner.Check(v) : null;
    }

    private sealed class NullableReferenceRule<T>(FieldRule<T> inner) : FieldRule<T?>
        where T : class
    {
        public override string Description => inner.Description;

        public override IReadOnlyList<string>? Choices => inner.Choices;

        public override string? Check(T? value) => value is null ? null : inner.Check(value);
    }

    private sealed class EachRule<TCollection, T>(FieldRule<T> inner) : FieldRule<TCollection>
        where TCollection : IEnumerable<T>?
    {
        public override string Description => "each " + inner.Description;

        public override bool AppliesToElements => true;

        public override double? Minimum => inner.Minimum;

        public override double? ExclusiveMinimum => inner.ExclusiveMinimum;

        public override double? Maximum => inner.Maximum;

        public override double? ExclusiveMaximum => inner.ExclusiveMaximum;

        public override long? MultipleOf => inner.MultipleOf;

        public override IReadOnlyList<string>? Choices => inner.Choices;

        public override string? Check(TCollection value)
        {
            if (value is null)
            {
                return null;
            }

            var i = 0;
            foreach (var item in value)
            {
                var problem = inner.Check(item);
                if (problem is not null)
                {
                    return "element [" + i.ToString(CultureInfo.InvariantCulture) + "] " + problem;
                }

                i++;
            }

            return null;
        }
    }

    private sealed class CountRule<TCollection, T>(int count, bool isMinimum) : FieldRule<TCollection>
        where TCollection : IEnumerable<T>?
    {
        public override string Description => (isMinimum ? "at least " : "at most ") + count.ToString(CultureInfo.InvariantCulture) + " elements";

        public override int? MinCount => isMinimum ? count : null;

        public override int? MaxCount => isMinimum ? null : count;

        public override string? Check(TCollection value)
        {
            if (value is null)
            {
                return null;
            }

            var n = value is IReadOnlyCollection<T> collection ? collection.Count : Count(value);
            var ok = isMinimum ? n >= count : n <= count;
            return ok ? null : "must have " + Description + ", got " + n.ToString(CultureInfo.InvariantCulture);
        }

        private static int Count(IEnumerable<T> items)
        {
            var n = 0;
            foreach (var _ in items)
            {
                n = checked(n + 1);
            }

            return n;
        }
    }
}
