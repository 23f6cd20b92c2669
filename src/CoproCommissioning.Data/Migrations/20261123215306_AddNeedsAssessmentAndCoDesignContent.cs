using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CoproCommissioning.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddNeedsAssessmentAndCoDesignContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "co_design_sessions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cycle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    start_time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    end_time = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    format = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    venue = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    joining_details = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    access_arrangements = table.Column<string[]>(type: "character varying(40)[]", nullable: false),
                    other_access_arrangements = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    other_attendees = table.Column<int>(type: "integer", nullable: false),
                    minutes = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    recorded_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_co_design_sessions", x => x.id);
                    table.ForeignKey(
                        name: "fk_co_design_sessions_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "commissioning_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "evidence_items",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cycle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    link = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    added_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_evidence_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_evidence_items_commissioning_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "commissioning_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "identified_needs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cycle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    statement = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    priority = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    recorded_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identified_needs", x => x.id);
                    table.ForeignKey(
                        name: "fk_identified_needs_commissioning_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "commissioning_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "inequality_groups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cycle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    group = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    inequality = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inequality_groups", x => x.id);
                    table.ForeignKey(
                        name: "fk_inequality_groups_commissioning_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "commissioning_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "provider_proposals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cycle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    proposed_model = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    submitted_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_changed_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_provider_proposals", x => x.id);
                    table.ForeignKey(
                        name: "fk_provider_proposals_commissioning_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "commissioning_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_provider_proposals_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "co_design_session_attendees",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    co_design_session_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_co_design_session_attendees", x => x.id);
                    table.ForeignKey(
                        name: "fk_co_design_session_attendees_co_design_sessions_co_design_se",
                        column: x => x.co_design_session_id,
                        principalTable: "co_design_sessions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "identified_need_evidence",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    evidence_item_id = table.Column<Guid>(type: "uuid", nullable: false),
                    identified_need_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_identified_need_evidence", x => x.id);
                    table.ForeignKey(
                        name: "fk_identified_need_evidence_evidence_items_evidence_item_id",
                        column: x => x.evidence_item_id,
                        principalTable: "evidence_items",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_identified_need_evidence_identified_needs_identified_need_id",
                        column: x => x.identified_need_id,
                        principalTable: "identified_needs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_co_design_session_attendees_co_design_session_id_user_id",
                table: "co_design_session_attendees",
                columns: new[] { "co_design_session_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_co_design_sessions_cycle_id_date",
                table: "co_design_sessions",
                columns: new[] { "cycle_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_evidence_items_cycle_id_added_at",
                table: "evidence_items",
                columns: new[] { "cycle_id", "added_at" });

            migrationBuilder.CreateIndex(
                name: "ix_identified_need_evidence_evidence_item_id",
                table: "identified_need_evidence",
                column: "evidence_item_id");

            migrationBuilder.CreateIndex(
                name: "ix_identified_need_evidence_identified_need_id_evidence_item_id",
                table: "identified_need_evidence",
                columns: new[] { "identified_need_id", "evidence_item_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_identified_needs_cycle_id",
                table: "identified_needs",
                column: "cycle_id");

            migrationBuilder.CreateIndex(
                name: "ix_inequality_groups_cycle_id",
                table: "inequality_groups",
                column: "cycle_id");

            migrationBuilder.CreateIndex(
                name: "ix_provider_proposals_cycle_id_organisation_id",
                table: "provider_proposals",
                columns: new[] { "cycle_id", "organisation_id" });

            migrationBuilder.CreateIndex(
                name: "ix_provider_proposals_organisation_id",
                table: "provider_proposals",
                column: "organisation_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "co_design_session_attendees");

            migrationBuilder.DropTable(
                name: "identified_need_evidence");

            migrationBuilder.DropTable(
                name: "inequality_groups");

            migrationBuilder.DropTable(
                name: "provider_proposals");

            migrationBuilder.DropTable(
                name: "co_design_sessions");

            migrationBuilder.DropTable(
                name: "evidence_items");

            migrationBuilder.DropTable(
                name: "identified_needs");
        }
    }
}
