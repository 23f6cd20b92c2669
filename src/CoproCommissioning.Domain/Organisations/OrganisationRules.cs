using CoproCommissioning.Domain.Membership;

namespace CoproCommissioning.Domain.Organisations;

/// <summary>Rules for the organisations administrators keep. Codes are stable; messages say how to fix the problem.</summary>
public static class OrganisationRules
{
    public static readonly DomainRule NameRequired = new(
        "organisation-name-required",
        "Enter the organisation's name.",
        nameof(Organisation.Name));

    public static readonly DomainRule NameTooLong = new(
        "organisation-name-too-long",
        $"Enter a name of {Organisation.NameMaxLength} characters or fewer.",
        nameof(Organisation.Name));

    public static readonly DomainRule NameTaken = new(
        "organisation-name-taken",
        "There is already an organisation with this name. Enter a different name, or change the one that exists.",
        nameof(Organisation.Name));

    public static readonly DomainRule KindRequired = new(
        "organisation-kind-required",
        "Choose what kind of organisation this is.",
        nameof(Organisation.Kind));

    public static readonly DomainRule OdsCodeInvalid = new(
        "organisation-ods-code-invalid",
        $"Enter an ODS code of {OdsCode.MinLength} to {OdsCode.MaxLength} letters and numbers, like RXH, 15N or A81001, or leave it blank.",
        nameof(Organisation.OdsCode));

    public static readonly DomainRule OdsCodeTaken = new(
        "organisation-ods-code-taken",
        "Another organisation already has this ODS code. Check the code, or change the organisation that has it.",
        nameof(Organisation.OdsCode));

    public static readonly DomainRule ContactNameRequired = new(
        "organisation-contact-name-required",
        "Enter the name of the person to contact at this organisation.",
        nameof(Organisation.ContactName));

    public static readonly DomainRule ContactNameTooLong = new(
        "organisation-contact-name-too-long",
        $"Enter a contact name of {Organisation.ContactNameMaxLength} characters or fewer.",
        nameof(Organisation.ContactName));

    public static readonly DomainRule ContactEmailRequired = new(
        "organisation-contact-email-required",
        "Enter the contact's email address.",
        nameof(Organisation.ContactEmail));

    public static readonly DomainRule ContactEmailTooLong = new(
        "organisation-contact-email-too-long",
        $"Enter an email address of {Organisation.ContactEmailMaxLength} characters or fewer.",
        nameof(Organisation.ContactEmail));

    public static readonly DomainRule ContactEmailInvalid = new(
        "organisation-contact-email-invalid",
        "Enter the contact's email address in the correct format, like name@example.com.",
        nameof(Organisation.ContactEmail));

    public static readonly DomainRule AlreadyRetired = new(
        "organisation-already-retired",
        "This organisation has already been retired.");

    /// <summary>Beside the organisation chosen on an invitation (to a cycle, or a staff account).</summary>
    public static readonly DomainRule Retired = new(
        "organisation-retired",
        "This organisation has been retired, so nobody can be invited into it. Choose another organisation.",
        nameof(Invitation.OrganisationId));
}
