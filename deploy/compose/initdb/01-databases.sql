-- One database per service, owned by the services' user (PostgreSQL's entrypoint runs this once, on an empty volume).
create user fondicasa with password 'fondicasa';
create database allocation owner fondicasa;
create database application owner fondicasa;
create database reporting owner fondicasa;
