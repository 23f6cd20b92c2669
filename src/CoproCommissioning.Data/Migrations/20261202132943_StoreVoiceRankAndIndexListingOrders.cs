using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoproCommissioning.Data.Migrations
{
    /// <inheritdoc />
    public partial class StoreVoiceRankAndIndexListingOrders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_decisions_stage_id",
                table: "decisions");

            migrationBuilder.AddColumn<int>(
                name: "voice_rank",
                table: "contributions",
                type: "integer",
                nullable: false,
                computedColumnSql: "CASE voice WHEN 'LivedExperience' THEN 0 WHEN 'Carer' THEN 1 WHEN 'Provider' THEN 2 WHEN 'Clinician' THEN 3 WHEN 'Commissioner' THEN 4 WHEN 'Community' THEN 5 ELSE 6 END",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_decisions_latest_first",
                table: "decisions",
                columns: new[] { "stage_id", "decided_at", "recorded_at", "id" },
                descending: new[] { false, true, true, true });

            migrationBuilder.CreateIndex(
                name: "ix_contributions_voice_order",
                table: "contributions",
                columns: new[] { "stage_id", "voice_rank", "created_at", "id" },
                descending: new[] { false, false, true, true });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_decisions_latest_first",
                table: "decisions");

            migrationBuilder.DropIndex(
                name: "ix_contributions_voice_order",
                table: "contributions");

            migrationBuilder.DropColumn(
                name: "voice_rank",
                table: "contributions");

            migrationBuilder.CreateIndex(
                name: "ix_decisions_stage_id",
                table: "decisions",
                column: "stage_id");
        }
    }
}
