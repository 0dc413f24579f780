using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Specialized.Common;

/// <summary>
/// Matches a method's parameters and return type against the forms this version generates.
/// The generator emits only what this accepts; SPD0002 reports what it rejects.
/// </summary>
internal static class SignatureRecognizer
{
    /// <summary>One line per generated form, for the SPD0002 message.</summary>
    public static string DescribeForms(SolverKind kind) => kind switch
    {
        SolverKind.SpdSolve =>
            "(Span<T> a, Span<T> b, int n) in place; (ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, int n) keeping the inputs; " +
            "both returning bool or SolveResult; void (ReadOnlySpan<T> factor, Span<T> b, int n) solving with a factor made by [SpdFactor]; " +
            "each with 'int nrhs' after n; void (ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, Span<SolveResult> results, int n) " +
            "solving results.Length systems; T is double or float",
        SolverKind.SpdFactor =>
            "(Span<T> a, int n) returning bool or SolveResult, the factor in place; T is double or float",
        SolverKind.SpdInverse =>
            "(ReadOnlySpan<T> a, Span<T> inverse, int n) returning bool or SolveResult; T is double or float",
        _ => "(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, int rows, int cols), optionally with ReadOnlySpan<T> w after b " +
            "and/or T ridge last, returning bool or SolveResult; T is double or float",
    };

    public static SolverSignature? Recognize(IMethodSymbol method, SolverKind kind)
    {
        if (method.IsGenericMethod || method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            return null;
        }

        var p = method.Parameters;
        foreach (IParameterSymbol parameter in p)
        {
            if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                return null;
            }
        }

        bool returnsVoid = method.ReturnsVoid;
        bool returnsSolveResult = method.ReturnType.ToDisplayString() == KnownNames.SolveResult;
        if (!returnsVoid && !returnsSolveResult && method.ReturnType.SpecialType != SpecialType.System_Boolean)
        {
            return null;
        }

        return kind switch
        {
            SolverKind.SpdSolve when returnsVoid => RecognizeFactoredSolve(p) ?? RecognizeBatch(p),
            SolverKind.SpdSolve => RecognizeSolve(p, returnsSolveResult),
            SolverKind.SpdFactor when !returnsVoid => RecognizeFactor(p, returnsSolveResult),
            SolverKind.SpdInverse when !returnsVoid => RecognizeInverse(p, returnsSolveResult),
            SolverKind.LeastSquares when !returnsVoid => RecognizeLeastSquares(p, returnsSolveResult),
            _ => null,
        };
    }

    // (Span a, Span b, int n[, int nrhs]) or (ReadOnlySpan a, ReadOnlySpan b, Span x, int n[, int nrhs]).
    private static SolverSignature? RecognizeSolve(ImmutableArray<IParameterSymbol> p, bool returnsSolveResult)
    {
        // The shapes differ in arity and in whether the third parameter is a span.
        bool thirdIsSpan = p.Length >= 3 && SpanElement(p[2].Type, readOnly: false) is not null;
        SolveForm form = thirdIsSpan ? SolveForm.KeepInputs : SolveForm.InPlace;
        int spans = form == SolveForm.KeepInputs ? 3 : 2;
        int ints = p.Length - spans;
        if (ints is not (1 or 2))
        {
            return null;
        }

        bool firstTwoReadOnly = form == SolveForm.KeepInputs;
        ElementType? element = SpanElement(p[0].Type, firstTwoReadOnly);
        if (element is null || SpanElement(p[1].Type, firstTwoReadOnly) != element)
        {
            return null;
        }

        if (form == SolveForm.KeepInputs && SpanElement(p[2].Type, readOnly: false) != element)
        {
            return null;
        }

        if (!AreInts(p, spans))
        {
            return null;
        }

        return new SolverSignature(SolverKind.SpdSolve, form, element.Value, returnsSolveResult, HasNrhs: ints == 2);
    }

    // void (ReadOnlySpan factor, Span b, int n[, int nrhs]).
    private static SolverSignature? RecognizeFactoredSolve(ImmutableArray<IParameterSymbol> p)
    {
        if (p.Length is not (3 or 4))
        {
            return null;
        }

        ElementType? element = SpanElement(p[0].Type, readOnly: true);
        if (element is null || SpanElement(p[1].Type, readOnly: false) != element || !AreInts(p, 2))
        {
            return null;
        }

        return new SolverSignature(SolverKind.SpdSolve, SolveForm.Factored, element.Value, ReturnsSolveResult: false, HasNrhs: p.Length == 4);
    }

    // void (ReadOnlySpan a, ReadOnlySpan b, Span x, Span<SolveResult> results, int n).
    private static SolverSignature? RecognizeBatch(ImmutableArray<IParameterSymbol> p)
    {
        if (p.Length != 5 || SpanElement(p[0].Type, readOnly: true) is not ElementType element
            || SpanElement(p[1].Type, readOnly: true) != element || SpanElement(p[2].Type, readOnly: false) != element
            || !IsResultSpan(p[3].Type) || !AreInts(p, 4))
        {
            return null;
        }

        return new SolverSignature(SolverKind.SpdSolve, SolveForm.Batch, element, ReturnsSolveResult: false, HasNrhs: false);
    }

    // (Span a, int n).
    private static SolverSignature? RecognizeFactor(ImmutableArray<IParameterSymbol> p, bool returnsSolveResult)
    {
        if (p.Length != 2 || SpanElement(p[0].Type, readOnly: false) is not ElementType element || !AreInts(p, 1))
        {
            return null;
        }

        return new SolverSignature(SolverKind.SpdFactor, SolveForm.Factor, element, returnsSolveResult, HasNrhs: false);
    }

    // (ReadOnlySpan a, Span inverse, int n).
    private static SolverSignature? RecognizeInverse(ImmutableArray<IParameterSymbol> p, bool returnsSolveResult)
    {
        if (p.Length != 3 || SpanElement(p[0].Type, readOnly: true) is not ElementType element
            || SpanElement(p[1].Type, readOnly: false) != element || !AreInts(p, 2))
        {
            return null;
        }

        return new SolverSignature(SolverKind.SpdInverse, SolveForm.Inverse, element, returnsSolveResult, HasNrhs: false);
    }

    // (ReadOnlySpan a, ReadOnlySpan b[, ReadOnlySpan w], Span x, int rows, int cols[, T ridge]).
    private static SolverSignature? RecognizeLeastSquares(ImmutableArray<IParameterSymbol> p, bool returnsSolveResult)
    {
        if (p.Length is < 5 or > 7 || SpanElement(p[0].Type, readOnly: true) is not ElementType element
            || SpanElement(p[1].Type, readOnly: true) != element)
        {
            return null;
        }

        bool weighted = SpanElement(p[2].Type, readOnly: true) == element;
        int x = weighted ? 3 : 2;
        if (p.Length < x + 3 || SpanElement(p[x].Type, readOnly: false) != element
            || p[x + 1].Type.SpecialType != SpecialType.System_Int32 || p[x + 2].Type.SpecialType != SpecialType.System_Int32)
        {
            return null;
        }

        int rest = p.Length - (x + 3);
        SpecialType scalar = element == ElementType.Double ? SpecialType.System_Double : SpecialType.System_Single;
        if (rest > 1 || (rest == 1 && p[x + 3].Type.SpecialType != scalar))
        {
            return null;
        }

        return new SolverSignature(SolverKind.LeastSquares, SolveForm.LeastSquares, element, returnsSolveResult, HasNrhs: false, HasWeights: weighted, HasRidge: rest == 1);
    }

    /// <summary>Whether every parameter from <paramref name="start"/> on is an int.</summary>
    private static bool AreInts(ImmutableArray<IParameterSymbol> p, int start)
    {
        for (int i = start; i < p.Length; i++)
        {
            if (p[i].Type.SpecialType != SpecialType.System_Int32)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the type is Span&lt;Specialized.SolveResult&gt;.</summary>
    private static bool IsResultSpan(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
        && named.OriginalDefinition.ToDisplayString() == "System.Span<T>"
        && named.TypeArguments[0].ToDisplayString() == KnownNames.SolveResult;

    /// <summary>The element type of Span&lt;double|float&gt; (or ReadOnlySpan when <paramref name="readOnly"/>), else null.</summary>
    private static ElementType? SpanElement(ITypeSymbol type, bool readOnly)
    {
        if (type is not INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named)
        {
            return null;
        }

        string expected = readOnly ? "System.ReadOnlySpan<T>" : "System.Span<T>";
        if (named.OriginalDefinition.ToDisplayString() != expected)
        {
            return null;
        }

        return named.TypeArguments[0].SpecialType switch
        {
            SpecialType.System_Double => ElementType.Double,
            SpecialType.System_Single => ElementType.Float,
            _ => null,
        };
    }
}
