namespace RiskMap.Server.Viewer;

/// <summary>Where the built map viewer is.</summary>
public sealed class ViewerOptions
{
    public const string Section = "Viewer";

    /// <summary>The folder holding the viewer's <c>index.html</c> (Vite's output); relative paths start at the repository root.</summary>
    public string Directory { get; set; } = "viewer/dist";
}
