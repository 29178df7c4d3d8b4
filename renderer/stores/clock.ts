// A shared clock for AGE cells: one timer for the whole app, ticking while the page is shown.
import { ref } from 'vue';

export const now = ref(Date.now());
setInterval(() => {
  if (!document.hidden) now.value = Date.now();
}, 5000);
