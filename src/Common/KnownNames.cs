namespace Specialized.Common;

/// <summary>Metadata names of the runtime types the generator and analyzers look for.</summary>
internal static class KnownNames
{
    public const string SpdSolveAttribute = "Specialized.SpdSolveAttribute";
    public const string SpdFactorAttribute = "Specialized.SpdFactorAttribute";
    public const string SpdInverseAttribute = "Specialized.SpdInverseAttribute";
    public const string LeastSquaresAttribute = "Specialized.LeastSquaresAttribute";
    public const string SolveResult = "Specialized.SolveResult";

    public const string MaxN = "MaxN";
    public const string MaxCols = "MaxCols";
    public const string Triangle = "Triangle";
    public const string Layout = "Layout";
    public const string Refine = "Refine";

    /// <summary>Valid range of MaxN and MaxCols, and their default.</summary>
    public const int SizeMin = 1;
    public const int SizeMax = 32;
    public const int SizeDefault = 8;
}
