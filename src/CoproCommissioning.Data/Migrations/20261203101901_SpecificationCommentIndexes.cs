using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoproCommissioning.Data.Migrations
{
    /// <inheritdoc />
    public partial class SpecificationCommentIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_contributions_specification_comments",
                table: "contributions",
                columns: new[] { "stage_id", "target_id", "created_at", "id" },
                filter: "target_kind IN ('SpecificationSection', 'SpecificationOutcome')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contributions_specification_comments",
                table: "contributions");
        }
    }
}
