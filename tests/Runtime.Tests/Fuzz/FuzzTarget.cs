using System;
using System.Linq;
using System.Numerics;
using Specialized.Runtime.Tests.Generated;

namespace Specialized.Runtime.Tests.Fuzz;

/// <summary>What one fuzzed case did: null <see cref="Failure"/> if it kept every rule.</summary>
internal readonly record struct CaseResult(string? Failure, bool Threw, bool Overlapping);

/// <summary>Calls one entry point with the spans (in <see cref="FuzzTarget.Roles"/> order), the results span of a batch, and the scalars; null for a void method.</summary>
internal delegate Outcome? FuzzCall<T>(Segment<T>[] spans, Segment<SolveResult> results, FuzzShape shape);

/// <summary>One public entry point under fuzzing: a runtime method or a generated one, in one precision.</summary>
internal abstract class FuzzTarget(string name, Role[] roles, Uses uses)
{
    public string Name { get; } = name;

    public Role[] Roles { get; } = roles;

    public Uses Uses { get; } = uses;

    /// <summary>Draws one case from <paramref name="random"/>, makes the call and checks it.</summary>
    public abstract CaseResult RunCase(Random random);

    public override string ToString() => Name;
}

/// <summary>
/// The rules every call keeps, whatever it is given: it throws from the ArgumentException family
/// exactly when a scalar is out of range or a span is shorter than the shape needs, and then writes
/// nothing; otherwise it returns a result that is a success or names a pivot inside the matrix, and
/// writes only the needed part of its written spans. A well-conditioned SPD input, clean and with no
/// spans sharing memory, succeeds.
/// </summary>
internal sealed class FuzzTarget<T>(string name, Role[] roles, Uses uses, FuzzCall<T> call) : FuzzTarget(name, roles, uses)
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly SolveResult Untouched = SolveResult.Failed(77);

    public override CaseResult RunCase(Random random)
    {
        FuzzShape shape = FuzzShape.Draw(random, Uses);

        // With a negative n or nrhs nothing is needed; any length will do, the call must throw.
        long[] needs = Roles.Select(r => shape.N >= 0 && shape.Nrhs >= 0 ? shape.Needs(r.Need) : random.Next(0, 10)).ToArray();
        int[] lengths = needs.Select(need => Length(random, (int)need)).ToArray();
        long[] writable = Roles.Select((r, i) => r.Written ? needs[i] : 0).ToArray();
        Values<T> values = Values<T>.Draw(random);
        var spans = new GuardedSpans<T>(random, lengths, writable, (i, span) => values.Fill(span, Roles[i].Need, shape.N, random));

        var resultArray = new SolveResult[GuardedSpans<T>.Guard + shape.Count + GuardedSpans<T>.Guard];
        resultArray.AsSpan().Fill(Untouched);
        var results = new Segment<SolveResult>(resultArray, GuardedSpans<T>.Guard, shape.Count);

        bool expectThrow = !shape.IsValid(Uses) || lengths.Where((length, i) => length < needs[i]).Any();
        Outcome? outcome = null;
        bool threw = false;
        string? failure = null;
        try
        {
            outcome = call(spans.Segments, results, shape);
        }
        catch (ArgumentException)
        {
            threw = true;
        }
        catch (Exception exception)
        {
            failure = $"threw {exception}";
        }

        failure ??= threw != expectThrow ? (threw ? "threw an ArgumentException on a valid call" : "accepted an invalid call")
            : spans.FirstForbiddenWrite(threw)
            ?? CheckResults(resultArray, shape, threw, values.Clean && !spans.Overlapping)
            ?? (threw ? null : CheckOutcome(outcome, shape, values.Clean && !spans.Overlapping));
        if (failure is not null)
        {
            string lengthsAndNeeds = string.Join(", ", Roles.Select((r, i) => $"{r.Name} {lengths[i]} of {needs[i]}"));
            failure = $"{Name} {shape}, spans [{lengthsAndNeeds}], {values}{(spans.Overlapping ? ", overlapping" : "")}: {failure}";
        }

        return new CaseResult(failure, threw, spans.Overlapping);
    }

    // A quarter long by 1 to 5, an eighth short by 1 to 3 (when there is anything to be short of), the rest exact.
    private static int Length(Random random, int need) => random.Next(8) switch
    {
        0 when need > 0 => Math.Max(0, need - 1 - random.Next(3)),
        1 or 2 => need + 1 + random.Next(5),
        _ => need,
    };

    private static string? CheckResults(SolveResult[] resultArray, FuzzShape shape, bool threw, bool clean)
    {
        int guard = GuardedSpans<T>.Guard;
        for (int k = 0; k < resultArray.Length; k++)
        {
            bool inside = k >= guard && k < guard + shape.Count;
            if ((threw || !inside) && resultArray[k] != Untouched)
            {
                return $"results[{k - guard}] written ({resultArray[k]})";
            }

            if (!threw && inside && CheckOutcome(Outcome.From(resultArray[k]), shape, clean) is { } wrong)
            {
                return $"results[{k - guard}]: {wrong}";
            }
        }

        return null;
    }

    private static string? CheckOutcome(Outcome? outcome, FuzzShape shape, bool clean)
    {
        if (outcome is not { } o || o.Success)
        {
            return null;
        }

        if (shape.N == 0 || clean)
        {
            return $"reported {o} on {(shape.N == 0 ? "an empty problem" : "a clean, diagonally dominant SPD matrix")}";
        }

        return o.FailedPivot is { } pivot && (pivot < 0 || pivot >= shape.N) ? $"reported a pivot outside the matrix: {o}" : null;
    }
}
