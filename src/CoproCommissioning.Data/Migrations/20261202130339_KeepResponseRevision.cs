using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoproCommissioning.Data.Migrations
{
    /// <inheritdoc />
    public partial class KeepResponseRevision : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "response_revision",
                table: "contributions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Input answered before the column existed: its current response is its highest revision.
            migrationBuilder.Sql(
                """
                UPDATE contributions AS c
                SET response_revision = r.revision
                FROM (SELECT contribution_id, max(revision) AS revision FROM responses GROUP BY contribution_id) AS r
                WHERE r.contribution_id = c.id;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_contributions_lived_experience",
                table: "contributions",
                column: "stage_id",
                filter: "voice IN ('LivedExperience', 'Carer')")
                .Annotation("Npgsql:IndexInclude", new[] { "author_user_id", "recorded_by_user_id", "voices_carried" });

            migrationBuilder.CreateIndex(
                name: "ix_contributions_unanswered_lived_experience",
                table: "contributions",
                columns: new[] { "stage_id", "created_at", "id" },
                filter: "voice IN ('LivedExperience', 'Carer') AND response_revision = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contributions_lived_experience",
                table: "contributions");

            migrationBuilder.DropIndex(
                name: "ix_contributions_unanswered_lived_experience",
                table: "contributions");

            migrationBuilder.DropColumn(
                name: "response_revision",
                table: "contributions");
        }
    }
}
