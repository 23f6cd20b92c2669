using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoproCommissioning.Data.Migrations
{
    /// <summary>
    /// Fields now marked personal text (Configurations, <c>IsPersonalText</c>) were recorded in the audit trail word for
    /// word until now: invitations' email addresses among them, which deleting an account must remove everywhere. Their
    /// values in existing audit events become <c>{"changed": true}</c>, as the audit records them from now on; who
    /// changed which field of which record, and when, stays. The owner runs migrations and may switch the trigger off
    /// for this transaction only; the app's role cannot (docs/decisions/0011-two-database-roles.md).
    /// </summary>
    public partial class RedactPersonalTextFromAuditTrail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete;

                UPDATE audit_events AS e
                SET changes = e.changes || (
                    SELECT jsonb_object_agg(field, '{"changed": true}'::jsonb)
                    FROM unnest(p.fields) AS field
                    WHERE jsonb_exists(e.changes, field))
                FROM (VALUES
                    ('Invitation', ARRAY['Email']),
                    ('CoDesignSession', ARRAY['Title', 'Venue', 'JoiningDetails', 'OtherAccessArrangements']),
                    ('Decision', ARRAY['Title', 'WhatWasDecided', 'Rationale']),
                    ('StageEvent', ARRAY['Text']),
                    ('EvidenceItem', ARRAY['Source', 'Link']),
                    ('IdentifiedNeed', ARRAY['Statement']),
                    ('InequalityGroup', ARRAY['Description', 'Inequality']),
                    ('GlossaryTerm', ARRAY['Meaning']),
                    ('ProviderProposal', ARRAY['Title', 'Summary', 'ProposedModel']),
                    ('SectionSnapshot', ARRAY['Body', 'PlainSummary']),
                    ('OutcomeSnapshot', ARRAY['Statement', 'Measure',
                        'Levels.Poor', 'Levels.Fair', 'Levels.Good', 'Levels.Stretch', 'Levels.Outstanding'])
                ) AS p(entity_type, fields)
                WHERE e.entity_type = p.entity_type AND jsonb_exists_any(e.changes, p.fields);

                ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The values cannot be put back, and must not be.
        }
    }
}
