using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoproCommissioning.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddSeenResponses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "seen_responses",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    contribution_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    seen_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seen_responses", x => new { x.user_id, x.contribution_id });
                    table.ForeignKey(
                        name: "fk_seen_responses_contributions_contribution_id",
                        column: x => x.contribution_id,
                        principalTable: "contributions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_seen_responses_contribution_id",
                table: "seen_responses",
                column: "contribution_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "seen_responses");
        }
    }
}
