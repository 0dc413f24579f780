using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Reflection;
using Specialized.Testing;

namespace Specialized.Runtime.Tests.Generated;

/// <summary>The generated factor forms: [SpdFactor], the [SpdSolve] that solves with a given factor, [SpdInverse].</summary>
public enum FactorForm
{
    /// <summary><c>result M(Span&lt;T&gt; a, int n)</c>: the factor in place.</summary>
    Factor,

    /// <summary><c>void M(ReadOnlySpan&lt;T&gt; factor, Span&lt;T&gt; b, int n[, int nrhs])</c>: b becomes x.</summary>
    Factored,

    /// <summary><c>result M(ReadOnlySpan&lt;T&gt; a, Span&lt;T&gt; inverse, int n)</c>.</summary>
    Inverse,
}

/// <summary>
/// One generated factor-form method, described by its declaration (read back by reflection) and
/// callable through one signature: (matrix, second, n, nrhs), where matrix is a (or the factor) and
/// second is b (factored solve), the inverse, or unused (factor).
/// </summary>
internal abstract class FactorFormMethod
{
    protected FactorFormMethod(MethodInfo method, int maxN, Triangle triangle, MatrixLayout layout, Precision precision, FactorForm form)
    {
        Name = method.Name;
        MaxN = maxN;
        Triangle = triangle;
        Layout = layout;
        Precision = precision;
        Form = form;
        ParameterInfo[] parameters = method.GetParameters();
        HasNrhs = form == FactorForm.Factored && parameters.Length == 4;
        ReturnsSolveResult = method.ReturnType == typeof(SolveResult);
        ReturnsVoid = method.ReturnType == typeof(void);
        MatrixName = parameters[0].Name!;
        SecondName = form == FactorForm.Factor ? null : parameters[1].Name!;
        int nIndex = form == FactorForm.Factor ? 1 : 2;
        NName = parameters[nIndex].Name!;
        NrhsName = HasNrhs ? parameters[nIndex + 1].Name! : null;
        Sizes = GeneratedSolver.SizesFor(maxN);
    }

    public string Name { get; }

    public int MaxN { get; }

    public Triangle Triangle { get; }

    public MatrixLayout Layout { get; }

    public Precision Precision { get; }

    public FactorForm Form { get; }

    public bool HasNrhs { get; }

    public bool ReturnsSolveResult { get; }

    public bool ReturnsVoid { get; }

    /// <summary>The user's parameter names, as ParamName must report them: a or the factor, then b or the inverse.</summary>
    public string MatrixName { get; }

    public string? SecondName { get; }

    public string NName { get; }

    public string? NrhsName { get; }

    /// <summary>Every n this method is tested at: the unrolled range, the first fallback size and a few beyond.</summary>
    public int[] Sizes { get; }

    /// <summary>The right-hand-side counts worth testing: 1 and, for the nrhs form, dchkpo's 2 and 15 and 3.</summary>
    public int[] RightHandSideCounts => HasNrhs ? [1, 2, 3, 15] : [1];

    /// <summary>The outcome of a call that succeeded, as this method reports it.</summary>
    public Outcome Success => new(true, ReturnsSolveResult ? -1 : null);

    public string Describe(int n, string? detail = null) =>
        $"{Name} (MaxN={MaxN}, {Precision}, {Triangle}, {Layout}, {Form}{(HasNrhs ? ", nrhs" : "")}, returns {(ReturnsVoid ? "void" : ReturnsSolveResult ? "SolveResult" : "bool")}), n={n}"
        + (detail is null ? string.Empty : ", " + detail);

    public override string ToString() => Name;
}

/// <summary>Calls a generated factor-form method with T = double or float.</summary>
internal sealed class FactorFormMethod<T> : FactorFormMethod
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Invoker _invoke;

    public FactorFormMethod(MethodInfo method, int maxN, Triangle triangle, MatrixLayout layout, FactorForm form, Invoker invoke)
        : base(method, maxN, triangle, layout, Lapack.PrecisionOf<T>(), form) => _invoke = invoke;

    public delegate Outcome Invoker(Span<T> matrix, Span<T> second, int n, int nrhs);

    /// <summary>Calls the method; nrhs must be 1 unless it has an nrhs parameter; <paramref name="second"/> is ignored by the factor.</summary>
    public Outcome Invoke(Span<T> matrix, Span<T> second, int n, int nrhs = 1)
    {
        if (!HasNrhs && nrhs != 1)
        {
            throw new InvalidOperationException($"{Name} has no nrhs parameter; the test asked for nrhs = {nrhs}.");
        }

        return _invoke(matrix, second, n, nrhs);
    }

    /// <summary>The runtime fallback on the same problem, in this method's triangle and layout (the factored solve reports success).</summary>
    public SolveResult InvokeRuntime(Span<T> matrix, Span<T> second, int n, int nrhs = 1)
    {
        CholeskyApi<T> api = CholeskyApi<T>.Instance;
        switch (Form)
        {
            case FactorForm.Factor:
                return api.Factor(matrix, n, Triangle, Layout);
            case FactorForm.Factored:
                api.SolveFactored(matrix, second, n, nrhs, Triangle, Layout);
                return SolveResult.Succeeded;
            default:
                return api.Invert(matrix, second, n, Triangle, Layout);
        }
    }

    /// <summary>A's stored triangle in this method's storage, NaN elsewhere (and in <paramref name="extra"/> trailing elements) unless told.</summary>
    public T[] Store(TestMatrix matrix, int extra = 0, T? fill = null) =>
        MatrixStorage.Store(matrix.Dense, matrix.N, Triangle, Layout, extra, fill);

    /// <summary>The factor <see cref="Cholesky.Factor(Span{double}, int, Triangle, MatrixLayout)"/> makes of A, for the factored solve.</summary>
    public T[] RuntimeFactor(TestMatrix matrix, int extra = 0, T? fill = null)
    {
        T[] factor = Store(matrix, extra, fill);
        SolveResult result = CholeskyApi<T>.Instance.Factor(factor, matrix.N, Triangle, Layout);
        Assert.True(result.Success, Describe(matrix.N, matrix.Describe($"the runtime could not factor the test matrix: {result}")));
        return factor;
    }
}

/// <summary>
/// Every [SpdFactor], [SpdInverse] and void [SpdSolve] method declared in <see cref="FactorFormSolvers"/>
/// (nested types included), found by reflection so a new declaration is tested without further edits.
/// </summary>
internal static class FactorFormRegistry
{
    private delegate SolveResult FactorResult<T>(Span<T> a, int n);

    private delegate bool FactorBool<T>(Span<T> a, int n);

    private delegate void Factored<T>(ReadOnlySpan<T> factor, Span<T> b, int n);

    private delegate void FactoredNrhs<T>(ReadOnlySpan<T> factor, Span<T> b, int n, int nrhs);

    private delegate SolveResult InverseResult<T>(ReadOnlySpan<T> a, Span<T> inverse, int n);

    private delegate bool InverseBool<T>(ReadOnlySpan<T> a, Span<T> inverse, int n);

    public static readonly IReadOnlyList<FactorFormMethod> All = Discover();

    private static readonly Dictionary<string, FactorFormMethod> s_byName = All.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public static FactorFormMethod Get(string name) => s_byName[name];

    /// <summary>(method name) for every method <paramref name="include"/> accepts.</summary>
    public static IEnumerable<object[]> Methods(Func<FactorFormMethod, bool>? include = null) =>
        All.Where(s => include is null || include(s)).Select(s => new object[] { s.Name });

    /// <summary>(method name, n) for every method and every n in its size plan that <paramref name="include"/> accepts.</summary>
    public static IEnumerable<object[]> MethodsAndSizes(Func<FactorFormMethod, int, bool>? include = null) =>
        from s in All
        from n in s.Sizes
        where include is null || include(s, n)
        select new object[] { s.Name, n };

    /// <summary>Runs the double or float test body for the named method.</summary>
    public static void Run(string name, Action<FactorFormMethod<double>> forDouble, Action<FactorFormMethod<float>> forSingle)
    {
        switch (Get(name))
        {
            case FactorFormMethod<double> method:
                forDouble(method);
                break;
            case FactorFormMethod<float> method:
                forSingle(method);
                break;
            default:
                throw new NotSupportedException(name);
        }
    }

    private static List<FactorFormMethod> Discover()
    {
        var methods = new List<FactorFormMethod>();
        foreach (Type type in new[] { typeof(FactorFormSolvers) }.Concat(typeof(FactorFormSolvers).GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic)))
        {
            foreach (MethodInfo method in type.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                (FactorForm Form, int MaxN, Triangle Triangle, MatrixLayout Layout)? declared =
                    method.GetCustomAttribute<SpdFactorAttribute>() is { } factor ? (FactorForm.Factor, factor.MaxN, factor.Triangle, factor.Layout)
                    : method.GetCustomAttribute<SpdInverseAttribute>() is { } inverse ? (FactorForm.Inverse, inverse.MaxN, inverse.Triangle, inverse.Layout)
                    : method.GetCustomAttribute<SpdSolveAttribute>() is { } solve ? (FactorForm.Factored, solve.MaxN, solve.Triangle, solve.Layout)
                    : null;
                if (declared is { } d)
                {
                    Type element = method.GetParameters()[0].ParameterType.GetGenericArguments()[0];
                    methods.Add(element == typeof(double)
                        ? Create<double>(method, d.Form, d.MaxN, d.Triangle, d.Layout)
                        : Create<float>(method, d.Form, d.MaxN, d.Triangle, d.Layout));
                }
            }
        }

        methods.Sort((x, y) => string.CompareOrdinal(x.Name, y.Name));
        return methods;
    }

    private static FactorFormMethod<T> Create<T>(MethodInfo method, FactorForm form, int maxN, Triangle triangle, MatrixLayout layout)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool result = method.ReturnType == typeof(SolveResult);
        FactorFormMethod<T>.Invoker invoke = form switch
        {
            FactorForm.Factor when result => Wrap(method.CreateDelegate<FactorResult<T>>()),
            FactorForm.Factor => Wrap(method.CreateDelegate<FactorBool<T>>()),
            FactorForm.Inverse when result => Wrap(method.CreateDelegate<InverseResult<T>>()),
            FactorForm.Inverse => Wrap(method.CreateDelegate<InverseBool<T>>()),
            _ when method.GetParameters().Length == 4 => Wrap(method.CreateDelegate<FactoredNrhs<T>>()),
            _ => Wrap(method.CreateDelegate<Factored<T>>()),
        };
        return new FactorFormMethod<T>(method, maxN, triangle, layout, form, invoke);
    }

    private static FactorFormMethod<T>.Invoker Wrap<T>(FactorResult<T> f)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        (a, _, n, _) => Outcome.From(f(a, n));

    private static FactorFormMethod<T>.Invoker Wrap<T>(FactorBool<T> f)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        (a, _, n, _) => Outcome.From(f(a, n));

    private static FactorFormMethod<T>.Invoker Wrap<T>(Factored<T> f)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        (factor, b, n, _) =>
        {
            f(factor, b, n);
            return new Outcome(true, null);
        };

    private static FactorFormMethod<T>.Invoker Wrap<T>(FactoredNrhs<T> f)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        (factor, b, n, nrhs) =>
        {
            f(factor, b, n, nrhs);
            return new Outcome(true, null);
        };

    private static FactorFormMethod<T>.Invoker Wrap<T>(InverseResult<T> f)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        (a, inverse, n, _) => Outcome.From(f(a, inverse, n));

    private static FactorFormMethod<T>.Invoker Wrap<T>(InverseBool<T> f)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        (a, inverse, n, _) => Outcome.From(f(a, inverse, n));
}
