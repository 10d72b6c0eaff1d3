namespace Integrationsoffensive.Content;

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The folder with the Markdown and YAML files, relative to the content root or absolute.</summary>
    public string Path { get; set; } = "content";
}
