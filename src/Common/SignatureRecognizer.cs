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
            "(Span<T> a, Span<T> b, int n); (ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, int n); " +
            "either with 'int nrhs' after n; T is double or float, the return type bool or SolveResult",
        _ => "none yet: this version of Specialized generates [SpdSolve] only",
    };

    public static SolverSignature? Recognize(IMethodSymbol method, SolverKind kind)
    {
        if (kind != SolverKind.SpdSolve || method.IsGenericMethod || method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            return null;
        }

        bool returnsSolveResult;
        if (method.ReturnType.SpecialType == SpecialType.System_Boolean)
        {
            returnsSolveResult = false;
        }
        else if (method.ReturnType.ToDisplayString() == KnownNames.SolveResult)
        {
            returnsSolveResult = true;
        }
        else
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

        for (int i = spans; i < p.Length; i++)
        {
            if (p[i].Type.SpecialType != SpecialType.System_Int32)
            {
                return null;
            }
        }

        return new SolverSignature(kind, form, element.Value, returnsSolveResult, HasNrhs: ints == 2);
    }

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
