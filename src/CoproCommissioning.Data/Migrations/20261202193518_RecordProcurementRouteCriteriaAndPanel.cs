using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoproCommissioning.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecordProcurementRouteCriteriaAndPanel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "procurements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cycle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    regime = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    route = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    existing_provider = table.Column<bool>(type: "boolean", nullable: true),
                    only_capable_provider = table.Column<bool>(type: "boolean", nullable: true),
                    unrestricted_choice = table.Column<bool>(type: "boolean", nullable: true),
                    satisfactory_and_no_considerable_change = table.Column<bool>(type: "boolean", nullable: true),
                    route_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    justification = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    route_chosen_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    route_chosen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    conflicts_assessment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    conflicts_assessed_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    conflicts_assessed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    bidding_opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    bid_deadline = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procurements", x => x.id);
                    table.ForeignKey(
                        name: "fk_procurements_commissioning_cycles_cycle_id",
                        column: x => x.cycle_id,
                        principalTable: "commissioning_cycles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "procurement_criteria",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    weight = table.Column<int>(type: "integer", nullable: false),
                    key_criterion = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    is_co_production = table.Column<bool>(type: "boolean", nullable: false),
                    section_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    shaped_by = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procurement_criteria", x => x.id);
                    table.ForeignKey(
                        name: "fk_procurement_criteria_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "procurement_evaluators",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    criterion_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    added_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    briefed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    briefed_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    declared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    has_interest = table.Column<bool>(type: "boolean", nullable: true),
                    interest = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    restricted_organisation_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    declaration_accepted_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    declaration_accepted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procurement_evaluators", x => x.id);
                    table.ForeignKey(
                        name: "fk_procurement_evaluators_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "procurement_score_levels",
                columns: table => new
                {
                    score = table.Column<int>(type: "integer", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procurement_score_levels", x => new { x.procurement_id, x.score });
                    table.ForeignKey(
                        name: "fk_procurement_score_levels_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_procurement_criteria_procurement_id",
                table: "procurement_criteria",
                column: "procurement_id");

            migrationBuilder.CreateIndex(
                name: "ix_procurement_evaluators_procurement_id_user_id",
                table: "procurement_evaluators",
                columns: new[] { "procurement_id", "user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_procurements_cycle_id",
                table: "procurements",
                column: "cycle_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "procurement_criteria");

            migrationBuilder.DropTable(
                name: "procurement_evaluators");

            migrationBuilder.DropTable(
                name: "procurement_score_levels");

            migrationBuilder.DropTable(
                name: "procurements");
        }
    }
}
