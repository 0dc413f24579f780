using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;
using Specialized.Runtime.Tests.Batch;
using Specialized.Runtime.Tests.Generated;

namespace Specialized.Runtime.Tests.Fuzz;

/// <summary>
/// Every public entry point under fuzzing: the runtime's <see cref="Cholesky"/> methods (the
/// degree-of-parallelism overloads where they exist), <see cref="ParallelBatch"/>, and every generated
/// method the test project declares (<see cref="SolverRegistry"/>, <see cref="FactorFormRegistry"/>,
/// <see cref="BatchSolvers"/>), each in the precisions it has.
/// </summary>
internal static class FuzzTargets
{
    private static readonly Role A = new("a", Need.Matrix, Written: true);
    private static readonly Role ReadA = new("a", Need.Matrix, Written: false);
    private static readonly Role B = new("b", Need.RightHandSides, Written: true);
    private static readonly Role ReadB = new("b", Need.RightHandSides, Written: false);
    private static readonly Role X = new("x", Need.RightHandSides, Written: true);
    private static readonly Role Inverse = new("inverse", Need.Matrix, Written: true);
    private static readonly Role[] BatchRoles = [new("a", Need.Matrices, false), new("b", Need.Vectors, false), new("x", Need.Vectors, true)];

    public static readonly IReadOnlyList<FuzzTarget> All =
    [
        .. Runtime<double>(), .. Runtime<float>(),
        .. SolverRegistry.All.Select(ForSolver),
        .. FactorFormRegistry.All.Select(ForFactorForm),
        .. BatchSolvers.Names.SelectMany(ForBatch),
    ];

    // Cholesky's double and float overloads, reached from one generic body by reinterpreting T as itself.
    private static IEnumerable<FuzzTarget> Runtime<T>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool d = typeof(T) == typeof(double);
        string p = d ? "double" : "float";
        const Uses storage = Uses.Storage;
        yield return new FuzzTarget<T>($"Cholesky.Factor<{p}>", [A], storage | Uses.Degree, (s, _, h) => Outcome.From(d
            ? Cholesky.Factor(As<T, double>(s[0]), h.N, h.Triangle, h.Layout, h.Degree)
            : Cholesky.Factor(As<T, float>(s[0]), h.N, h.Triangle, h.Layout, h.Degree)));
        yield return new FuzzTarget<T>($"Cholesky.Solve<{p}> in place", [A, B], storage | Uses.Nrhs | Uses.Degree, (s, _, h) => Outcome.From(d
            ? Cholesky.Solve(As<T, double>(s[0]), As<T, double>(s[1]), h.N, h.Nrhs, h.Triangle, h.Layout, h.Degree)
            : Cholesky.Solve(As<T, float>(s[0]), As<T, float>(s[1]), h.N, h.Nrhs, h.Triangle, h.Layout, h.Degree)));
        yield return new FuzzTarget<T>($"Cholesky.Solve<{p}> keeping inputs", [ReadA, ReadB, X], storage | Uses.Nrhs | Uses.Degree, (s, _, h) => Outcome.From(d
            ? Cholesky.Solve((ReadOnlySpan<double>)As<T, double>(s[0]), As<T, double>(s[1]), As<T, double>(s[2]), h.N, h.Nrhs, h.Triangle, h.Layout, h.Degree)
            : Cholesky.Solve((ReadOnlySpan<float>)As<T, float>(s[0]), As<T, float>(s[1]), As<T, float>(s[2]), h.N, h.Nrhs, h.Triangle, h.Layout, h.Degree)));
        yield return new FuzzTarget<T>($"Cholesky.SolveFactored<{p}>", [ReadA, B], storage | Uses.Nrhs, (s, _, h) =>
        {
            if (d)
            {
                Cholesky.SolveFactored(As<T, double>(s[0]), As<T, double>(s[1]), h.N, h.Nrhs, h.Triangle, h.Layout);
            }
            else
            {
                Cholesky.SolveFactored(As<T, float>(s[0]), As<T, float>(s[1]), h.N, h.Nrhs, h.Triangle, h.Layout);
            }

            return null;
        });
        yield return new FuzzTarget<T>($"Cholesky.Invert<{p}>", [ReadA, Inverse], storage, (s, _, h) => Outcome.From(d
            ? Cholesky.Invert(As<T, double>(s[0]), As<T, double>(s[1]), h.N, h.Triangle, h.Layout)
            : Cholesky.Invert(As<T, float>(s[0]), As<T, float>(s[1]), h.N, h.Triangle, h.Layout)));
        yield return new FuzzTarget<T>($"Cholesky.LogDeterminant<{p}>", [ReadA], storage | Uses.Degree, (s, results, h) => Outcome.From(d
            ? Cholesky.LogDeterminant(As<T, double>(s[0]), out _, h.N, h.Triangle, h.Layout, h.Degree)
            : Cholesky.LogDeterminant(As<T, float>(s[0]), out _, h.N, h.Triangle, h.Layout, h.Degree)));
        yield return new FuzzTarget<T>($"Cholesky.SolveBatch<{p}>", BatchRoles, storage | Uses.Batch, (s, r, h) =>
        {
            if (d)
            {
                Cholesky.SolveBatch(As<T, double>(s[0]), As<T, double>(s[1]), As<T, double>(s[2]), r.Span, h.N, h.Triangle, h.Layout);
            }
            else
            {
                Cholesky.SolveBatch(As<T, float>(s[0]), As<T, float>(s[1]), As<T, float>(s[2]), r.Span, h.N, h.Triangle, h.Layout);
            }

            return null;
        });
    }

    private static FuzzTarget ForSolver(GeneratedSolver solver)
    {
        Uses uses = solver.HasNrhs ? Uses.Nrhs : Uses.Nothing;
        bool keep = solver.Form == GeneratedForm.KeepInputs;
        Role[] roles = keep ? [ReadA, ReadB, X] : [A, B];
        return solver switch
        {
            GeneratedSolver<double> s => new FuzzTarget<double>(s.Name, roles, uses, (spans, _, h) => s.Invoke(spans[0].Span, spans[1].Span, keep ? spans[2].Span : default, h.N, h.Nrhs)),
            GeneratedSolver<float> s => new FuzzTarget<float>(s.Name, roles, uses, (spans, _, h) => s.Invoke(spans[0].Span, spans[1].Span, keep ? spans[2].Span : default, h.N, h.Nrhs)),
            _ => throw new NotSupportedException(solver.Name),
        };
    }

    private static FuzzTarget ForFactorForm(FactorFormMethod method)
    {
        Uses uses = method.HasNrhs ? Uses.Nrhs : Uses.Nothing;
        Role[] roles = method.Form switch
        {
            FactorForm.Factor => [A],
            FactorForm.Factored => [ReadA, B],
            _ => [ReadA, Inverse],
        };
        return method switch
        {
            FactorFormMethod<double> m => new FuzzTarget<double>(m.Name, roles, uses, (spans, _, h) => Void(m.Invoke(spans[0].Span, spans.Length > 1 ? spans[1].Span : default, h.N, h.Nrhs), m)),
            FactorFormMethod<float> m => new FuzzTarget<float>(m.Name, roles, uses, (spans, _, h) => Void(m.Invoke(spans[0].Span, spans.Length > 1 ? spans[1].Span : default, h.N, h.Nrhs), m)),
            _ => throw new NotSupportedException(method.Name),
        };
    }

    // Each batch solver directly and through ParallelBatch.
    private static IEnumerable<FuzzTarget> ForBatch(string name) => BatchSolvers.Get(name).Solve switch
    {
        BatchSolver<double> solver => ForBatch(name, solver),
        BatchSolver<float> solver => ForBatch(name, solver),
        _ => throw new NotSupportedException(name),
    };

    private static IEnumerable<FuzzTarget> ForBatch<T>(string name, BatchSolver<T> solver)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        yield return new FuzzTarget<T>(name, BatchRoles, Uses.Batch, (s, r, h) =>
        {
            solver(s[0].Span, s[1].Span, s[2].Span, r.Span, h.N);
            return null;
        });
        yield return new FuzzTarget<T>($"ParallelBatch.Solve({name})", BatchRoles, Uses.Batch | Uses.Degree, (s, r, h) =>
        {
            ParallelBatch.Solve(solver, s[0].Memory, s[1].Memory, s[2].Memory, r.Memory, h.N, h.Degree);
            return null;
        });
    }

    // The factored solve returns nothing: its outcome is no outcome.
    private static Outcome? Void(Outcome outcome, FactorFormMethod method) => method.ReturnsVoid ? null : outcome;

    private static Span<TTo> As<TFrom, TTo>(Segment<TFrom> segment)
        where TFrom : unmanaged
        where TTo : unmanaged =>
        MemoryMarshal.Cast<TFrom, TTo>(segment.Span);
}
