using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoproCommissioning.Data.Migrations
{
    /// <inheritdoc />
    public partial class SpecificationPartHistoryIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_specification_sections_section_id_version_number",
                table: "specification_sections",
                columns: new[] { "section_id", "version_number" })
                .Annotation("Npgsql:IndexInclude", new[] { "specification_version_id" });

            migrationBuilder.CreateIndex(
                name: "ix_specification_outcomes_outcome_id_version_number",
                table: "specification_outcomes",
                columns: new[] { "outcome_id", "version_number" })
                .Annotation("Npgsql:IndexInclude", new[] { "specification_version_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_specification_sections_section_id_version_number",
                table: "specification_sections");

            migrationBuilder.DropIndex(
                name: "ix_specification_outcomes_outcome_id_version_number",
                table: "specification_outcomes");
        }
    }
}
