using System;
using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator;

/// <summary>
/// Everything the emitter knows about one recognized form, in one place: its parameter list, up to
/// which size it gets code of its own, which kernels it emits, which runtime method serves the
/// larger sizes and what its documentation says. Adding a form means adding one descriptor here.
/// </summary>
internal abstract class SolveFormDescriptor
{
    private static readonly SolveFormDescriptor[] s_byForm = ByForm(
        new InPlaceForm(),
        new KeepInputsForm(),
        new FactoredForm(),
        new FactorForm(),
        new InverseForm(),
        new BatchForm(),
        new LeastSquaresForm());

    /// <summary>The form this descriptor describes.</summary>
    public abstract SolveForm Form { get; }

    /// <summary>The largest n (or cols) that gets straight-line code of its own.</summary>
    public abstract int StraightLineLimit { get; }

    /// <summary>The descriptor of a recognized form.</summary>
    public static SolveFormDescriptor For(SolveForm form) => s_byForm[(int)form];

    /// <summary>The descriptor of the spec's form.</summary>
    public static SolveFormDescriptor For(SolverSpec spec) => For(spec.Signature.Form);

    /// <summary>The parameters in declaration order, by role (<see cref="ParameterRoles"/>).</summary>
    public abstract string[] Roles(SolverSignature signature);

    /// <summary>True for a span role the form only reads (a <c>ReadOnlySpan</c>).</summary>
    public abstract bool IsReadOnly(string role);

    /// <summary>The largest n with a kernel of its own: MaxN, or the straight-line limit when that is lower.</summary>
    public int KernelLimit(SolverSpec spec) => Math.Min(spec.MaxN, StraightLineLimit);

    /// <summary>The largest n the kernels class serves with code of its own; larger n go straight to <see cref="FallbackCall"/>.</summary>
    public virtual int LargestCodedOrder(SolverSpec spec) => KernelLimit(spec);

    /// <summary>What the kernels class emitted for the spec depends on; see <see cref="KernelKey"/>.</summary>
    public KernelKey KeyOf(SolverSpec spec)
    {
        SolverSignature sig = spec.Signature;
        return new KernelKey(
            Form,
            sig.Element,
            LargestCodedOrder(spec),
            spec.Upper,
            spec.ColumnMajor,
            sig.HasNrhs,
            sig.HasWeights,
            sig.HasRidge,
            spec.Refine,
            spec.AllowUnsafe);
    }

    /// <summary>The runtime call that serves the sizes past the kernels, as called from the dispatch (roles as argument names).</summary>
    public abstract string FallbackCall(SolverSpec spec);

    /// <summary>The XML documentation of the user's partial method.</summary>
    public abstract void EmitDocumentation(SourceWriter w, SolverSpec spec);

    /// <summary>The body of the user's partial method: argument checks, then one call into <paramref name="kernelsType"/>.</summary>
    public abstract void EmitBody(SourceWriter w, SolverSpec spec, string kernelsType);

    /// <summary>The body of the kernels class: the dispatch, then the kernels and their helpers.</summary>
    public abstract void EmitKernelsClass(SourceWriter w, SolverSpec spec);

    private static SolveFormDescriptor[] ByForm(params SolveFormDescriptor[] descriptors)
    {
        var byForm = new SolveFormDescriptor[descriptors.Length];
        foreach (SolveFormDescriptor descriptor in descriptors)
        {
            byForm[(int)descriptor.Form] = descriptor;
        }

        return byForm;
    }
}
