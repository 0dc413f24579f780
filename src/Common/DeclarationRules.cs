using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Specialized.Common;

/// <summary>The declaration checks shared by the generator (which skips what fails) and the analyzers (which report it).</summary>
internal static class DeclarationRules
{
    /// <summary>Maps an attribute class to the solver it asks for, or null when it is none of ours.</summary>
    public static SolverKind? KindOf(INamedTypeSymbol? attributeClass) => attributeClass?.ToDisplayString() switch
    {
        KnownNames.SpdSolveAttribute => SolverKind.SpdSolve,
        KnownNames.SpdFactorAttribute => SolverKind.SpdFactor,
        KnownNames.SpdInverseAttribute => SolverKind.SpdInverse,
        KnownNames.LeastSquaresAttribute => SolverKind.LeastSquares,
        _ => null,
    };

    /// <summary>SPD0001: static, partial, without a body, in types that are all partial.</summary>
    public static bool IsStaticPartialDeclaration(IMethodSymbol method, CancellationToken cancellationToken)
    {
        if (!method.IsStatic || !method.IsPartialDefinition)
        {
            return false;
        }

        foreach (SyntaxReference reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not MethodDeclarationSyntax syntax
                || syntax.Body is not null || syntax.ExpressionBody is not null)
            {
                return false;
            }

            foreach (TypeDeclarationSyntax type in syntax.Ancestors().OfType<TypeDeclarationSyntax>())
            {
                if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The size limit the attribute sets (MaxN or MaxCols), the default when absent, null when unreadable.</summary>
    public static int? SizeLimit(AttributeData attribute, SolverKind kind)
    {
        string name = kind == SolverKind.LeastSquares ? KnownNames.MaxCols : KnownNames.MaxN;
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value.Kind == TypedConstantKind.Primitive && argument.Value.Value is int value ? value : null;
            }
        }

        return KnownNames.SizeDefault;
    }

    /// <summary>SPD0003: the size limit is within 1..32.</summary>
    public static bool IsSizeLimitValid(int? limit) => limit is >= KnownNames.SizeMin and <= KnownNames.SizeMax;

    /// <summary>Triangle and MatrixLayout both define exactly the values 0 and 1.</summary>
    public static bool IsEnumArgumentValid(int value) => value is 0 or 1;

    /// <summary>The value of a bool named argument (Refine), false when absent.</summary>
    public static bool BoolArgument(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Kind == TypedConstantKind.Primitive && argument.Value.Value is bool value)
            {
                return value;
            }
        }

        return false;
    }

    /// <summary>The value of an enum-typed named argument (Triangle, Layout), the default (0) when absent.</summary>
    public static int EnumArgument(AttributeData attribute, string name)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Kind == TypedConstantKind.Enum && argument.Value.Value is int value)
            {
                return value;
            }
        }

        return 0;
    }
}
