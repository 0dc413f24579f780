namespace Specialized.Analyzers;

/// <summary>Where each diagnostic's help page lives.</summary>
internal static class HelpLinks
{
    // The single place to change when the repository moves: every descriptor's helpLinkUri is built from it.
    public const string Base = "https://github.com/specialized-net/Specialized/blob/main/docs/diagnostics/";

    public static string For(string id) => Base + id + ".md";
}
