using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Specialized.Analyzers;

/// <summary>Where a solver's attribute is written: the additional location a code fix edits.</summary>
internal static class AttributeLocations
{
    public static IEnumerable<Location> Of(SolverTarget target)
    {
        if (target.Attribute?.ApplicationSyntaxReference is SyntaxReference reference)
        {
            yield return Location.Create(reference.SyntaxTree, reference.Span);
        }
    }
}
