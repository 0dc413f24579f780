namespace Specialized.Generator.Model;

/// <summary>A parameter's name as it must be written (with '@' for keywords) and whether it was declared 'scoped'.</summary>
internal sealed record ParameterSpec(string Name, bool Scoped);
