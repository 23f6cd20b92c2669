using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoproCommissioning.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddContributionVisibility : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Input given before people could choose was shown to everyone in the cycle, so it keeps that.
            migrationBuilder.AddColumn<string>(
                name: "visibility",
                table: "contributions",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Everyone");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "visibility",
                table: "contributions");
        }
    }
}
