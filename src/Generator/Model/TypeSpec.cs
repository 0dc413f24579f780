namespace Specialized.Generator.Model;

/// <summary>One containing type, as it must be re-declared: keyword ("class", "record struct", …) and name with type parameters.</summary>
internal sealed record TypeSpec(string Keyword, string Name);
