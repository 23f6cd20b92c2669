using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoproCommissioning.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddMembershipsInvitationsAndProfiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "access_needs",
                table: "users",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string[]>(
                name: "communication_preferences",
                table: "users",
                type: "character varying(40)[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "deleted_at",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "former_participant_number",
                table: "users",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "organisation_id",
                table: "users",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "show_as_panel_member",
                table: "users",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "cycle_memberships",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cycle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    panel_voice = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    added_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cycle_memberships", x => x.id);
                    table.ForeignKey(
                        name: "fk_cycle_memberships_commissioning_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "commissioning_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_cycle_memberships_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cycle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    panel_voice = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    token_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    invited_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    accepted_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invitations", x => x.id);
                    table.ForeignKey(
                        name: "fk_invitations_commissioning_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "commissioning_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_invitations_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_users_former_participant_number",
                table: "users",
                column: "former_participant_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_users_organisation_id",
                table: "users",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_cycle_memberships_cycle_id_user_id",
                table: "cycle_memberships",
                columns: new[] { "cycle_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_cycle_memberships_organisation_id",
                table: "cycle_memberships",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_cycle_memberships_user_id",
                table: "cycle_memberships",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_invitations_cycle_id",
                table: "invitations",
                column: "cycle_id");

            migrationBuilder.CreateIndex(
                name: "ix_invitations_organisation_id",
                table: "invitations",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_invitations_token_hash",
                table: "invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_organisations_name",
                table: "organisations",
                column: "name",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_users_organisations_organisation_id",
                table: "users",
                column: "organisation_id",
                principalTable: "organisations",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_users_organisations_organisation_id",
                table: "users");

            migrationBuilder.DropTable(
                name: "cycle_memberships");

            migrationBuilder.DropTable(
                name: "invitations");

            migrationBuilder.DropTable(
                name: "organisations");

            migrationBuilder.DropIndex(
                name: "ix_users_former_participant_number",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_users_organisation_id",
                table: "users");

            migrationBuilder.DropColumn(
                name: "access_needs",
                table: "users");

            migrationBuilder.DropColumn(
                name: "communication_preferences",
                table: "users");

            migrationBuilder.DropColumn(
                name: "deleted_at",
                table: "users");

            migrationBuilder.DropColumn(
                name: "former_participant_number",
                table: "users");

            migrationBuilder.DropColumn(
                name: "organisation_id",
                table: "users");

            migrationBuilder.DropColumn(
                name: "show_as_panel_member",
                table: "users");
        }
    }
}
