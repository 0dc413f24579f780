using System.Linq;
using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// A form of [SpdSolve], [SpdFactor] or [SpdInverse]: the partial method checks its arguments and
/// calls the <see cref="DispatchEmitter"/>'s switch on n, which calls one kernel per size up to
/// <see cref="SolveFormDescriptor.KernelLimit"/>, then the form's shared kernel if it has one, then
/// the <c>Specialized.Cholesky</c> method the form falls back to.
/// </summary>
internal abstract class CholeskyFormDescriptor : SolveFormDescriptor
{
    /// <summary>The kernel method for size n (1 ≤ n ≤ <see cref="SolveFormDescriptor.KernelLimit"/>).</summary>
    public abstract string KernelMethodName(int n);

    /// <summary>
    /// The Vector512 kernel for size n that the dispatch prefers where <see cref="BatchWidth.WideSupported"/>,
    /// or null when n has none.
    /// </summary>
    public virtual string? WideKernelMethodName(ElementType element, int n) => null;

    /// <summary>A further condition on the call's arguments for the Vector512 kernel of size n, or null when it has none.</summary>
    public virtual string? WideKernelLimit(ElementType element, int n) => null;

    /// <summary>
    /// The smallest n whose kernel is vector code, which needs <see cref="VectorShape.Supported"/>
    /// (the dispatch sends such n to the runtime where it fails), or null when every kernel is scalar.
    /// </summary>
    public virtual int? VectorMinOrder => null;

    /// <summary>
    /// The call that serves n from <see cref="VectorMinOrder"/> to MaxN where the vector kernels cannot
    /// run, when <see cref="SolveFormDescriptor.FallbackCall"/> would not keep the form's promise about
    /// failures there; null when the fallback serves them.
    /// </summary>
    public virtual string? WithoutVectorsCall(SolverSpec spec) => null;

    /// <summary>What the dispatch does at n = 0: null to return success, else the call that serves it.</summary>
    public virtual string? ZeroOrderCall(SolverSpec spec) => null;

    /// <summary>The arguments the dispatch passes to a kernel: a reference per span and the counts, n left out.</summary>
    public virtual string KernelArguments(SolverSignature signature) =>
        string.Join(", ", Roles(signature).Where(role => role != ParameterRoles.Order).Select(role => ParameterRoles.IsSpan(role) ? "ref r" + role : role));

    /// <summary>
    /// The call that serves every n in (<see cref="SolveFormDescriptor.KernelLimit"/>, MaxN], or null
    /// when MaxN is within the limit or the form sends those n to <see cref="SolveFormDescriptor.FallbackCall"/>.
    /// </summary>
    public string? SharedKernelCall(SolverSpec spec, string kernelArguments) =>
        spec.MaxN > KernelLimit(spec) ? SharedKernel(kernelArguments) : null;

    /// <inheritdoc />
    public override int LargestCodedOrder(SolverSpec spec) => SharedKernel(string.Empty) is null ? KernelLimit(spec) : spec.MaxN;

    /// <inheritdoc />
    public override void EmitBody(SourceWriter w, SolverSpec spec, string kernelsType) => DispatchEmitter.EmitBody(w, spec, kernelsType);

    /// <inheritdoc />
    public override void EmitKernelsClass(SourceWriter w, SolverSpec spec)
    {
        DispatchEmitter.EmitSwitch(w, spec, this);
        for (int n = 1; n <= KernelLimit(spec); n++)
        {
            w.Line();
            EmitKernel(w, spec, n);
        }

        EmitHelpers(w, spec);
    }

    /// <inheritdoc />
    public override void EmitDocumentation(SourceWriter w, SolverSpec spec)
    {
        var doc = new CholeskyDocumentation(spec, KernelLimit(spec));
        w.Line("/// <summary>");
        w.Line("/// " + Summary(doc));
        w.Line("/// </summary>");
        w.Line("/// <remarks>");
        foreach (string line in Remarks(doc))
        {
            w.Line("/// " + line);
        }

        w.Line("/// </remarks>");
    }

    /// <summary>The call of the one kernel that serves every n past the straight-line kernels, or null for forms without one.</summary>
    protected virtual string? SharedKernel(string kernelArguments) => null;

    /// <summary>Emits the kernel (or kernels) for size n; the caller has written the empty line before it.</summary>
    protected abstract void EmitKernel(SourceWriter w, SolverSpec spec, int n);

    /// <summary>Emits the helpers the kernels or the dispatch call, each after an empty line.</summary>
    protected virtual void EmitHelpers(SourceWriter w, SolverSpec spec)
    {
    }

    /// <summary>The documentation's summary: what the method computes.</summary>
    protected abstract string Summary(CholeskyDocumentation doc);

    /// <summary>The documentation's remarks, one line each: which sizes run which code, what a failure leaves.</summary>
    protected abstract string[] Remarks(CholeskyDocumentation doc);

    /// <summary>The spec's triangle and layout as arguments of a runtime call.</summary>
    public static string Storage(SolverSpec spec) =>
        $"Triangle.{(spec.Upper ? "Upper" : "Lower")}, MatrixLayout.{(spec.ColumnMajor ? "ColumnMajor" : "RowMajor")}";

    /// <summary>The nrhs argument of a runtime call: the method's own, or 1.</summary>
    protected static string RhsCountArgument(SolverSignature signature) => signature.HasNrhs ? ParameterRoles.RhsCount : "1";
}
