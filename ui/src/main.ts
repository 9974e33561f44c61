// Entry point: picks the backend (Tauri or the in-memory preview) and mounts the window.

import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { chooseBackend } from './ipc';
import { AppState } from './lib/stores/app.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

const app = new AppState(await chooseBackend());
mount(App, { target, props: { app } });
