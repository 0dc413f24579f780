using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Specialized.Common;
using Specialized.Generator.Model;

namespace Specialized.Generator.Tests;

/// <summary>
/// The key methods share kernels by: equal keys give the same kernels class, different keys a
/// different one, over every form, element type, storage, option and MaxN around each form's limit.
/// </summary>
public class KernelKeyTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Equal_keys_exactly_when_the_kernels_are_equal(bool allowUnsafe)
    {
        var textByKey = new Dictionary<KernelKey, string>();
        var keyByText = new Dictionary<string, KernelKey>(StringComparer.Ordinal);
        foreach (SolverSpec spec in Specs(allowUnsafe))
        {
            KernelKey key = SolveFormDescriptor.For(spec).KeyOf(spec);
            string kernels = Emitter.EmitKernels(spec);
            if (textByKey.TryGetValue(key, out string? seen))
            {
                Assert.True(seen == kernels, $"{key} gives two different kernels classes");
            }
            else
            {
                textByKey.Add(key, kernels);
            }

            if (keyByText.TryGetValue(kernels, out KernelKey? other))
            {
                Assert.True(other == key, $"{key} and {other} give the same kernels class: one copy would do");
            }
            else
            {
                keyByText.Add(kernels, key);
            }
        }

        // Each form's grid holds several kernels classes: the check above compared something.
        Assert.All(Enum.GetValues<SolveForm>(), form => Assert.True(textByKey.Keys.Count(k => k.Form == form) > 4, $"{form}"));
    }

    [Fact]
    public void Every_form_has_its_descriptor()
    {
        foreach (SolveForm form in Enum.GetValues<SolveForm>())
        {
            Assert.Equal(form, SolveFormDescriptor.For(form).Form);
        }
    }

    /// <summary>
    /// Specs as the parser makes them (the options only where a form has them), each also with the
    /// other return type and other names, which must not matter.
    /// </summary>
    private static IEnumerable<SolverSpec> Specs(bool allowUnsafe)
    {
        foreach (SolveForm form in Enum.GetValues<SolveForm>())
        {
            SolveFormDescriptor descriptor = SolveFormDescriptor.For(form);
            bool fit = form == SolveForm.LeastSquares;
            bool nrhsForm = form is SolveForm.InPlace or SolveForm.KeepInputs or SolveForm.Factored;
            int limit = descriptor.StraightLineLimit;
            foreach (ElementType element in new[] { ElementType.Double, ElementType.Float })
            {
                foreach (bool nrhs in nrhsForm ? new[] { false, true } : new[] { false })
                {
                    foreach (bool weights in fit ? new[] { false, true } : new[] { false })
                    {
                        foreach (bool ridge in fit ? new[] { false, true } : new[] { false })
                        {
                            foreach (bool refine in fit ? new[] { false, true } : new[] { false })
                            {
                                foreach (bool upper in fit ? new[] { false } : new[] { false, true })
                                {
                                    foreach (bool columnMajor in new[] { false, true })
                                    {
                                        foreach (int maxN in new[] { 2, 3 })
                                        {
                                            var signature = new SolverSignature(Kind(form), form, element, ReturnsSolveResult: true, nrhs, weights, ridge);
                                            yield return Spec(signature, maxN, upper, columnMajor, refine, allowUnsafe, "Solve");
                                        }
                                    }
                                }
                            }
                        }
                    }
                }

                // Around the limit, once per element type: MaxN past it matters only where a shared kernel serves those n.
                foreach (int maxN in new[] { limit - 1, limit, limit + 1, limit + 2 })
                {
                    var signature = new SolverSignature(Kind(form), form, element, ReturnsSolveResult: true, HasNrhs: false);
                    yield return Spec(signature, maxN, upper: false, columnMajor: false, refine: false, allowUnsafe, "Solve");
                    yield return Spec(signature with { ReturnsSolveResult = false }, maxN, upper: false, columnMajor: false, refine: false, allowUnsafe, "Other");
                }
            }
        }
    }

    private static SolverKind Kind(SolveForm form) => form switch
    {
        SolveForm.Factor => SolverKind.SpdFactor,
        SolveForm.Inverse => SolverKind.SpdInverse,
        SolveForm.LeastSquares => SolverKind.LeastSquares,
        _ => SolverKind.SpdSolve,
    };

    private static SolverSpec Spec(SolverSignature signature, int maxN, bool upper, bool columnMajor, bool refine, bool allowUnsafe, string name)
    {
        ImmutableArray<ParameterSpec> parameters = ParameterRoles.Of(signature)
            .Select(role => new ParameterSpec(name + role, Scoped: false))
            .ToImmutableArray();
        return new SolverSpec(
            "Demo",
            new EquatableArray<TypeSpec>(ImmutableArray.Create(new TypeSpec("class", name + "s"))),
            name,
            "public static partial",
            signature,
            new EquatableArray<ParameterSpec>(parameters),
            maxN,
            upper,
            columnMajor,
            refine,
            allowUnsafe);
    }
}
