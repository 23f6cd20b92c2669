using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoproCommissioning.Data.Migrations
{
    /// <inheritdoc />
    public partial class ContributionsByAuthorAndStage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contributions_author_user_id",
                table: "contributions");

            migrationBuilder.CreateIndex(
                name: "ix_contributions_author_user_id_stage_id",
                table: "contributions",
                columns: new[] { "author_user_id", "stage_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contributions_author_user_id_stage_id",
                table: "contributions");

            migrationBuilder.CreateIndex(
                name: "ix_contributions_author_user_id",
                table: "contributions",
                column: "author_user_id");
        }
    }
}
