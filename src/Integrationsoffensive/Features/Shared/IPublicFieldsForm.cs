using Integrationsoffensive.Domain;

namespace Integrationsoffensive.Features.Shared;

/// <summary>A page with a form for the public fields (application, direct entry, edit): the partial _PublicFields renders them.</summary>
public interface IPublicFieldsForm
{
    PublicFieldsInput Input { get; }

    /// <summary>True on the public form: hints and autocompletion for people who apply themselves.</summary>
    bool ForApplicant => false;
}
