using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoproCommissioning.Data.Migrations
{
    /// <inheritdoc />
    public partial class SpecificationCommentsByTarget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_contributions_specification_comments_by_target",
                table: "contributions",
                columns: new[] { "target_id", "created_at", "id" },
                filter: "target_kind IN ('SpecificationSection', 'SpecificationOutcome')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contributions_specification_comments_by_target",
                table: "contributions");
        }
    }
}
