using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoproCommissioning.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddAdministration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "deactivated_at",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_signed_in_at",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_email",
                table: "organisations",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_name",
                table: "organisations",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ods_code",
                table: "organisations",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "retired_at",
                table: "organisations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "organisations",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateIndex(
                name: "ix_organisations_ods_code",
                table: "organisations",
                column: "ods_code",
                unique: true);

            // The kinds administrators choose from: a commissioning body is an ICB (the demo's is), a lived-experience
            // network is a user-led organisation.
            migrationBuilder.Sql("""
                UPDATE organisations SET kind = 'IntegratedCareBoard' WHERE kind = 'CommissioningBody';
                UPDATE organisations SET kind = 'UserLedOrganisation' WHERE kind = 'LivedExperienceNetwork';
                """);

            // The site roles exist in every database, not only where the demo seeder ran, so that the first
            // administrator can be made on an empty install (docs/decisions/0016).
            migrationBuilder.Sql("""
                INSERT INTO roles (id, name, normalized_name, concurrency_stamp)
                SELECT gen_random_uuid()::text, r.name, upper(r.name), gen_random_uuid()::text
                FROM (VALUES ('Administrator'), ('Commissioner')) AS r(name)
                WHERE NOT EXISTS (SELECT 1 FROM roles WHERE normalized_name = upper(r.name));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                UPDATE organisations SET kind = 'CommissioningBody' WHERE kind IN ('IntegratedCareBoard', 'LocalAuthority');
                UPDATE organisations SET kind = 'VoluntaryOrCommunityOrganisation' WHERE kind IN ('IndependentProvider', 'Other');
                """);

            migrationBuilder.DropIndex(
                name: "ix_organisations_ods_code",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "deactivated_at",
                table: "users");

            migrationBuilder.DropColumn(
                name: "last_signed_in_at",
                table: "users");

            migrationBuilder.DropColumn(
                name: "contact_email",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "contact_name",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "ods_code",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "retired_at",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "organisations");
        }
    }
}
