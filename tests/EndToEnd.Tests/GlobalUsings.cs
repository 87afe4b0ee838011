global using System.Text.Json;
global using Xunit;
global using OrleansSweep.Tests;
