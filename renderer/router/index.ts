// Hash routes, so the same build works from the web host and from Electron's app:// files,
// and reload, back and forward keep the view (see locations.ts for the addresses).
import { createRouter, createWebHashHistory } from 'vue-router';

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: (to) => ({ name: 'overview', query: to.query }) },
    { path: '/overview', name: 'overview', component: () => import('../views/overview/OverviewView.vue') },
    { path: '/helm/releases', name: 'helm-releases', component: () => import('../helm/HelmReleasesView.vue') },
    { path: '/helm/releases/:namespace/:name', name: 'helm-release', component: () => import('../helm/HelmReleaseView.vue'), props: true },
    { path: '/access', name: 'access', component: () => import('../access/AccessView.vue') },
    { path: '/:kind', name: 'list', component: () => import('../views/ListView.vue'), props: true },
    { path: '/:kind/:namespace/:name', name: 'object', component: () => import('../views/object/ObjectView.vue'), props: true },
  ],
});
