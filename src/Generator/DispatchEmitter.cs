using System.Linq;
using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// Emits the user's partial method body (argument checks before any element is read, then one
/// call) and, in the kernels class, the switch on n into the unrolled kernels with the runtime
/// fallback above MaxN.
/// </summary>
internal static class DispatchEmitter
{
    public const string DispatchMethod = "Dispatch";

    public static void EmitBody(SourceWriter w, SolverSpec spec, string kernelsType)
    {
        SolverSignature sig = spec.Signature;
        string a = ParameterRoles.UserName(spec, ParameterRoles.Matrix)!;
        string b = ParameterRoles.UserName(spec, ParameterRoles.Rhs)!;
        string? x = ParameterRoles.UserName(spec, ParameterRoles.Solution);
        string n = ParameterRoles.UserName(spec, ParameterRoles.Order)!;
        string? nrhs = ParameterRoles.UserName(spec, ParameterRoles.RhsCount);
        string rhsCount = nrhs is null ? n : $"(long){n} * {nrhs}";
        string rhsShape = nrhs is null ? "n" : "n x nrhs";

        EmitThrowIf(w, $"{n} < 0", $"new global::System.ArgumentOutOfRangeException(nameof({n}), {n}, \"n must be zero or positive.\")");
        if (nrhs is not null)
        {
            EmitThrowIf(w, $"{nrhs} < 0", $"new global::System.ArgumentOutOfRangeException(nameof({nrhs}), {nrhs}, \"nrhs must be zero or positive.\")");
        }

        EmitThrowIf(w, $"(long){n} * {n} > {a}.Length", $"new global::System.ArgumentException(\"The matrix needs n x n elements.\", nameof({a}))");
        EmitThrowIf(w, $"{rhsCount} > {b}.Length", $"new global::System.ArgumentException(\"The right-hand side needs {rhsShape} elements.\", nameof({b}))");
        if (x is not null)
        {
            EmitThrowIf(w, $"{rhsCount} > {x}.Length", $"new global::System.ArgumentException(\"The solution needs {rhsShape} elements.\", nameof({x}))");
        }

        string args = string.Join(", ", spec.Parameters.Select(p => p.Name));
        w.Line($"return {kernelsType}.{DispatchMethod}({args}){(sig.ReturnsSolveResult ? "" : ".Success")};");
    }

    public static void EmitSwitch(SourceWriter w, SolverSpec spec)
    {
        SolverSignature sig = spec.Signature;
        string t = ScalarSyntax.For(sig.Element).Keyword;
        string[] roles = ParameterRoles.Of(sig);
        string parameters = string.Join(", ", roles.Select(role => ParameterRoles.TypeOf(sig, role) + " " + role));

        w.Line($"/// <summary>Runs the kernel for n; the caller has checked n{(sig.HasNrhs ? ", nrhs" : "")} and every span's length.</summary>");
        w.Open($"public static SolveResult {DispatchMethod}({parameters})");
        foreach (string role in roles.Where(ParameterRoles.IsSpan))
        {
            w.Line($"ref {t} r{role} = ref MemoryMarshal.GetReference({role});");
        }

        string kernelArgs = string.Join(", ", roles.Where(role => role != ParameterRoles.Order).Select(role => ParameterRoles.IsSpan(role) ? "ref r" + role : role));
        w.Open("switch (n)");
        w.Line("case 0:");
        w.Line("    return SolveResult.Succeeded;");
        for (int size = 1; size <= spec.MaxN; size++)
        {
            w.Line($"case {SourceWriter.Int(size)}:");
            w.Line($"    return {KernelEmitter.MethodName(size)}({kernelArgs});");
        }

        string triangle = spec.Upper ? "Upper" : "Lower";
        string layout = spec.ColumnMajor ? "ColumnMajor" : "RowMajor";
        w.Line("default:");
        w.Line($"    return Cholesky.Solve({string.Join(", ", roles.Where(ParameterRoles.IsSpan))}, n, {(sig.HasNrhs ? "nrhs" : "1")}, Triangle.{triangle}, MatrixLayout.{layout});");
        w.Close();
        w.Close();
    }

    private static void EmitThrowIf(SourceWriter w, string condition, string exception)
    {
        w.Open($"if ({condition})");
        w.Line($"throw {exception};");
        w.Close();
        w.Line();
    }
}
