namespace Specialized.Analyzers;

/// <summary>Diagnostic categories; constants because release tracking (RS2000 series) reads them at build time.</summary>
internal static class DiagnosticCategories
{
    /// <summary>Problems with how a solver method is declared: the generator emits nothing for it.</summary>
    public const string Declaration = "Specialized.Declaration";

    /// <summary>Calls that work but cost time: allocations, copies, the runtime fallback.</summary>
    public const string Performance = "Specialized.Performance";

    /// <summary>Calls that give a wrong answer, throw, or hide a failure.</summary>
    public const string Correctness = "Specialized.Correctness";
}
