namespace CoproCommissioning.Domain.Monitoring;

/// <summary>
/// What a commissioner enters to make the contract from the award. <see cref="LeadOrganisationId"/> chooses the lead
/// when the award names more than one provider outside an alliance; <see cref="Frequency"/> left null reports quarterly.
/// A date or an amount that could not be read is null: the contract refuses it beside that answer.
/// </summary>
public sealed record ContractDraft(
    decimal? Value,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    string? ExtensionOptions,
    Guid? LeadOrganisationId = null,
    ReportingFrequency? Frequency = null);

/// <summary>What can change in a contract once it is made: its value, its end (an extension, say) and the extension options.</summary>
public sealed record ContractTerms(decimal? Value, DateOnly? EndsOn, string? ExtensionOptions);
