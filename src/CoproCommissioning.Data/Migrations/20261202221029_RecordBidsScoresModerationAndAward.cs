using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoproCommissioning.Data.Migrations
{
    /// <inheritdoc />
    public partial class RecordBidsScoresModerationAndAward : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "award_decision_id",
                table: "procurements",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "award_recorded_at",
                table: "procurements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "award_recorded_by_user_id",
                table: "procurements",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<Guid[]>(
                name: "awarded_organisation_ids",
                table: "procurements",
                type: "uuid[]",
                nullable: false,
                defaultValue: new Guid[0]);

            migrationBuilder.AddColumn<DateOnly>(
                name: "intention_notice_on",
                table: "procurements",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "proceed_decided_on",
                table: "procurements",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "proceed_reason",
                table: "procurements",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "standstill_ends_at",
                table: "procurements",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "procurement_bids",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cycle_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partners = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    attachments = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    started_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_changed_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    withdrawn_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procurement_bids", x => x.id);
                    table.ForeignKey(
                        name: "fk_procurement_bids_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_procurement_bids_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "procurement_moderated_scores",
                columns: table => new
                {
                    bid_id = table.Column<Guid>(type: "uuid", nullable: false),
                    criterion_id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    moderated_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    moderated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procurement_moderated_scores", x => new { x.procurement_id, x.bid_id, x.criterion_id });
                    table.ForeignKey(
                        name: "fk_procurement_moderated_scores_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "procurement_representations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    received_on = table.Column<DateOnly>(type: "date", nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    logged_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    logged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    answer = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    answered_by_user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procurement_representations", x => x.id);
                    table.ForeignKey(
                        name: "fk_procurement_representations_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "procurement_scorecards",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    procurement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    evaluator_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procurement_scorecards", x => x.id);
                    table.ForeignKey(
                        name: "fk_procurement_scorecards_procurements_procurement_id",
                        column: x => x.procurement_id,
                        principalTable: "procurements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "procurement_bid_responses",
                columns: table => new
                {
                    criterion_id = table.Column<Guid>(type: "uuid", nullable: false),
                    bid_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procurement_bid_responses", x => new { x.bid_id, x.criterion_id });
                    table.ForeignKey(
                        name: "fk_procurement_bid_responses_procurement_bids_bid_id",
                        column: x => x.bid_id,
                        principalTable: "procurement_bids",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "procurement_scores",
                columns: table => new
                {
                    bid_id = table.Column<Guid>(type: "uuid", nullable: false),
                    criterion_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scorecard_id = table.Column<Guid>(type: "uuid", nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    scored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_procurement_scores", x => new { x.scorecard_id, x.bid_id, x.criterion_id });
                    table.ForeignKey(
                        name: "fk_procurement_scores_procurement_scorecards_scorecard_id",
                        column: x => x.scorecard_id,
                        principalTable: "procurement_scorecards",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_procurement_bids_cycle_id",
                table: "procurement_bids",
                column: "cycle_id");

            migrationBuilder.CreateIndex(
                name: "ix_procurement_bids_organisation_id",
                table: "procurement_bids",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_procurement_bids_procurement_id_organisation_id",
                table: "procurement_bids",
                columns: new[] { "procurement_id", "organisation_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_procurement_representations_procurement_id",
                table: "procurement_representations",
                column: "procurement_id");

            migrationBuilder.CreateIndex(
                name: "ix_procurement_scorecards_procurement_id_evaluator_id",
                table: "procurement_scorecards",
                columns: new[] { "procurement_id", "evaluator_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "procurement_bid_responses");

            migrationBuilder.DropTable(
                name: "procurement_moderated_scores");

            migrationBuilder.DropTable(
                name: "procurement_representations");

            migrationBuilder.DropTable(
                name: "procurement_scores");

            migrationBuilder.DropTable(
                name: "procurement_bids");

            migrationBuilder.DropTable(
                name: "procurement_scorecards");

            migrationBuilder.DropColumn(
                name: "award_decision_id",
                table: "procurements");

            migrationBuilder.DropColumn(
                name: "award_recorded_at",
                table: "procurements");

            migrationBuilder.DropColumn(
                name: "award_recorded_by_user_id",
                table: "procurements");

            migrationBuilder.DropColumn(
                name: "awarded_organisation_ids",
                table: "procurements");

            migrationBuilder.DropColumn(
                name: "intention_notice_on",
                table: "procurements");

            migrationBuilder.DropColumn(
                name: "proceed_decided_on",
                table: "procurements");

            migrationBuilder.DropColumn(
                name: "proceed_reason",
                table: "procurements");

            migrationBuilder.DropColumn(
                name: "standstill_ends_at",
                table: "procurements");
        }
    }
}
