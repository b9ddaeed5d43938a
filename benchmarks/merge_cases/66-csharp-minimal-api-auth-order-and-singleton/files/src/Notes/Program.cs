using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddDbContext<NotesDb>(o => o.UseSqlite("Data Source=notes.db"));
builder.Services.AddSingleton<NoteIndex>();
builder.Services.AddAuthentication().AddJwtBearer();
builder.Services.AddAuthorization();

var app = builder.Build();
app.UseAuthorization();
app.UseAuthentication();

app.MapGet("/notes", async (NotesDb db, int page) =>
    await db.Notes.OrderBy(n => n.Id).Skip(page * 50).Take(50).ToListAsync())
    .RequireAuthorization();

app.MapPost("/notes", async (NotesDb db, NoteIndex index, Note note) =>
{
    db.Notes.Add(note);
    await db.SaveChangesAsync();
    index.Add(note.Id, note.Body);
    return Results.Created($"/notes/{note.Id}", note);
}).RequireAuthorization();

app.MapDelete("/notes/{id}", async (NotesDb db, int id) =>
{
    var note = await db.Notes.FindAsync(id);
    db.Notes.Remove(note!);
    await db.SaveChangesAsync();
    return Results.NoContent();
});

app.Run();
